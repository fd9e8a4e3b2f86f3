package org.convene.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Why a completion of (a) costs what it does (README: Performance), two switches of the benchmark:
 * <ul>
 * <li>{@code bench.jfr=true}: a JDK Flight Recording (settings "profile") of each measured run of (a),
 * written to {@code <bench.output>/<method>.jfr}, and its execution samples of the completion alone
 * (samples whose stack holds {@code TaskCompletionBenchmark.complete}) summed up in
 * {@code <bench.output>/<method>-profile.md}: the hottest methods by own time, Convene's,
 * Camunda's and Spring's methods by time spent in them and below (Java code sampled every 1 ms), and
 * Convene's methods on the stacks waiting in native code (the database's socket, every 5 ms) (read the recording further with
 * {@code jfr print --events jdk.ExecutionSample});</li>
 * <li>{@code bench.statements=true} (the embedded PostgreSQL loads {@code pg_stat_statements}): a number of
 * completions, the job executor paused, each one's statements counted by the database, as
 * statements, transactions (the driver's {@code BEGIN}s) and database time per completion, by table and kind, and every
 * statement in {@code <bench.output>/<method>-statements.md}.</li>
 * </ul>
 */
final class EngineProfile {

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update)\\s+([a-z_][a-z_0-9]*)");
    private static final String COMPLETION_FRAME = TaskCompletionBenchmark.class.getName() + ".complete";

    private EngineProfile() {
    }

    /** Starts a recording when {@code bench.jfr} is on; else null. */
    static Recording startRecording() throws IOException, ParseException {
        if (!Boolean.getBoolean("bench.jfr")) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        // more samples than "profile"'s 10 ms (Java code) and 20 ms (threads waiting in native code, the socket)
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(5));
        recording.start();
        return recording;
    }

    /** Stops the recording (null: none), writes it and its summary of the completion's samples; a note for the report. */
    static String stopRecording(Recording recording, Path output, String name) throws IOException {
        if (recording == null) {
            return null;
        }
        recording.stop();
        Files.createDirectories(output);
        Path file = output.resolve(name + ".jfr");
        recording.dump(file);
        recording.close();
        Map<String, Integer> self = new TreeMap<>();
        Map<String, Integer> inclusive = new TreeMap<>();
        Map<String, Integer> waiting = new TreeMap<>();
        int completion = 0;
        int other = 0;
        int waits = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            boolean running = event.getEventType().getName().equals("jdk.ExecutionSample");
            if (!running && !event.getEventType().getName().equals("jdk.NativeMethodSample") || event.getStackTrace() == null) {
                continue;
            }
            List<String> methods = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                methods.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            if (!methods.contains(COMPLETION_FRAME)) {
                other += running ? 1 : 0;
                continue;
            }
            if (!running) {
                waits++;
                Set<String> seen = new HashSet<>();
                for (String method : methods) {
                    if (method.startsWith("org.convene.") && !method.startsWith("org.convene.bench.") && seen.add(method)) {
                        waiting.merge(method, 1, Integer::sum);
                    }
                }
                waiting.merge("(all)", 1, Integer::sum);
                continue;
            }
            completion++;
            self.merge(methods.get(0), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (String method : methods) {
                if (interesting(method) && seen.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
        }
        int total = completion;
        StringBuilder out = new StringBuilder("# " + name + ": execution samples of the completion\n\n"
                + completion + " samples in the completion (stack holds " + COMPLETION_FRAME + "), " + other
                + " elsewhere (the untimed start of the instance, other threads). Recording: " + file.getFileName() + "\n\n"
                + "## Hottest methods, own time\n\n| samples | % | method |\n|---|---|---|\n");
        top(self, 30).forEach(e -> out.append(row(e, total)));
        out.append("\n## Convene's, Camunda's, Spring's methods, time in them and below\n\n| samples | % | method |\n|---|---|---|\n");
        top(inclusive, 80).forEach(e -> out.append(row(e, total)));
        int allWaits = waits;
        out.append("\n## Waiting in native code (the database's socket), every 5 ms: " + waits
                + " samples; Convene's methods on those stacks\n\n| samples | % | method |\n|---|---|---|\n");
        top(waiting, 30).forEach(e -> out.append(row(e, allWaits)));
        Path summary = output.resolve(name + "-profile.md");
        Files.writeString(summary, out);
        return "JFR of " + name + ": " + file + " (" + completion + " samples of the completion), summary " + summary;
    }

    private static boolean interesting(String method) {
        return method.startsWith("org.convene.") || method.startsWith("org.camunda.") || method.startsWith("org.springframework.")
                || method.startsWith("org.apache.ibatis.") || method.startsWith("org.postgresql.") || method.startsWith("com.zaxxer.");
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n).toList();
    }

    private static String row(Map.Entry<String, Integer> e, int total) {
        return String.format("| %d | %.1f | `%s` |%n", e.getValue(), 100.0 * e.getValue() / total, e.getKey());
    }

    /** Statements the database ran per completion, with the job executor paused. */
    record Statements(double statements, double transactions, double databaseMillis, Map<String, Double> byTableAndKind,
                      String file) {

        String summary() {
            StringBuilder top = new StringBuilder();
            byTableAndKind.entrySet().stream().limit(12)
                    .forEach(e -> top.append(top.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                            .append(String.format("%.1f", e.getValue())));
            return String.format("%.1f statements in %.1f transactions, %.2f ms in the database per completion; %s (all: %s)",
                    statements, transactions, databaseMillis, top, file);
        }
    }

    /**
     * Runs {@code completions} times: {@code setup} (untimed, not counted), then {@code complete}, counting the
     * statements of the completion alone in {@code pg_stat_statements}; null unless {@code bench.statements} is on.
     */
    static Statements countStatements(ApplicationContext app, Path output, String name, int completions,
                                      Runnable setup, Runnable complete) throws IOException {
        if (!Boolean.getBoolean("bench.statements")) {
            return null;
        }
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        jdbc.execute("create extension if not exists pg_stat_statements");
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getJobExecutor();
        boolean jobsWereRunning = jobs.isActive();
        jobs.shutdown();
        Map<String, double[]> calls = new LinkedHashMap<>(); // query -> {calls, rows, ms}
        try {
            for (int i = 0; i < completions; i++) {
                setup.run();
                jdbc.queryForList("select pg_stat_statements_reset()");
                complete.run();
                jdbc.query("""
                        select query, calls, rows, total_exec_time from pg_stat_statements
                        where query not like '%pg_stat_statements%'""", rs -> {
                    double[] sums = calls.computeIfAbsent(rs.getString(1), q -> new double[3]);
                    sums[0] += rs.getLong(2);
                    sums[1] += rs.getLong(3);
                    sums[2] += rs.getDouble(4);
                });
            }
        } finally {
            if (jobsWereRunning) {
                jobs.start();
            }
        }
        double statements = 0;
        double transactions = 0;
        double millis = 0;
        Map<String, Double> byTable = new TreeMap<>();
        for (Map.Entry<String, double[]> e : calls.entrySet()) {
            double n = e.getValue()[0] / completions;
            String kind = e.getKey().trim().split("\\s+")[0].toLowerCase();
            if (kind.equals("begin")) {
                transactions += n;
            }
            if (kind.equals("begin") || kind.equals("commit") || kind.equals("rollback") || kind.equals("set")) {
                continue;
            }
            statements += n;
            millis += e.getValue()[2] / completions;
            Matcher table = TABLE.matcher(e.getKey());
            byTable.merge((table.find() ? table.group(1).toLowerCase() : "?") + " " + kind, n, Double::sum);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        byTable.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        StringBuilder out = new StringBuilder("# " + name + ": statements per completion (pg_stat_statements, "
                + completions + " completions, job executor paused)\n\n| per completion | rows | ms | statement |\n|---|---|---|---|\n");
        calls.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0]).reversed())
                .forEach(e -> out.append(String.format("| %.2f | %.2f | %.3f | `%s` |%n", e.getValue()[0] / completions,
                        e.getValue()[1] / completions, e.getValue()[2] / completions,
                        e.getKey().replaceAll("\\s+", " ").replace("|", "\\|"))));
        Files.createDirectories(output);
        Path file = output.resolve(name + "-statements.md");
        Files.writeString(file, out);
        return new Statements(statements, transactions, millis, sorted, file.toString());
    }
}
