package org.convene.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.convene.identity.ConveneGroups;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Convene's performance benchmark (issue 12; README: Performance), run by
 * {@code mvn -Pbenchmark integration-test}. Parts, chosen with {@code -Dbench.parts=c,d}:
 * <ul>
 * <li>(c) Tasklist's "My groups' tasks", first page and count, as Tasklist 7.24 asks them, for a
 * staff user with {@code bench.tasks} open tasks over {@code bench.meetings} meetings (authorizations on):
 * p50 and p95 in milliseconds;</li>
 * <li>(d) single-row commits per second through the app's pool, with 1 and 4 threads;</li>
 * <li>(f) invitations delivered per second to an SMTP server on this machine, {@code bench.invitees} of a
 * meeting, by one node and by two (MailThroughput).</li>
 * </ul>
 * Every figure is printed with the load average when it was taken (the machine's cores may be shared),
 * and all of them again at the end; {@code <bench.output>/results.md} keeps them.
 */
public final class ConveneBenchmark {

    private ConveneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = Arrays.stream(System.getProperty("bench.parts", "a,b,c,d,e,f").split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        int meetings = Integer.getInteger("bench.meetings", 500);
        int tasks = Integer.getInteger("bench.tasks", 20_000);
        Jmh jmh = new Jmh(Integer.getInteger("bench.iterations", 3), Integer.getInteger("bench.seconds", 5));
        Path output = Path.of(System.getProperty("bench.output", "target/benchmark"));
        Report report = new Report();
        report.note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        int exit = 0;
        try (Database database = Database.start(System.getProperty("bench.url"), System.getProperty("bench.user"),
                System.getProperty("bench.password"))) {
            report.note("database: " + database.describe());
            Map<String, Object> properties = new HashMap<>();
            if (Boolean.getBoolean("bench.logSql")) {
                properties.put("logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity", "debug");
            }
            try (ConfigurableApplicationContext app = ConveneApp.start(database, properties)) {
                double commitRate = 0;
                if (parts.contains("d")) {
                    commitRate = commits(app, jmh, report);
                }
                double bare = 0;
                if (parts.contains("a")) {
                    bare = engine(app, jmh, report, commitRate);
                }
                if (parts.contains("b")) {
                    rest(app, jmh, report, bare);
                }
                if (parts.contains("c")) {
                    tasklist(app, jmh, meetings, tasks, report);
                }
                if (parts.contains("f")) {
                    mail(app, database, Integer.getInteger("bench.invitees", 1000), report);
                }
                if (parts.contains("e")) {
                    startUp(database, output, report);
                }
                int hold = Integer.getInteger("bench.hold", 0);
                if (hold > 0) {
                    report.note("holding the app (port " + ConveneApp.port(app) + ") and " + database.url + " for " + hold + " s");
                    Thread.sleep(hold * 1000L);
                }
            }
        } catch (Exception | AssertionError failed) {
            failed.printStackTrace();
            report.note("FAILED: " + failed);
            exit = 1;
        }
        System.out.println();
        System.out.println(report.markdown());
        report.write(output);
        System.out.println("[bench] written to " + output.resolve("results.md"));
        System.exit(exit);
    }

    /** (d) Single-row commits per second through the app's pool; returns the rate with one thread. */
    static double commits(ConfigurableApplicationContext app, Jmh jmh, Report report) throws Exception {
        DataSource pool = app.getBean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.execute("create table if not exists " + CommitBenchmark.TABLE + " (id bigserial primary key, at timestamptz not null)");
        report.note("database settings: synchronous_commit=" + jdbc.queryForObject("show synchronous_commit", String.class)
                + ", fsync=" + jdbc.queryForObject("show fsync", String.class));
        CommitBenchmark.pool = pool;
        double single = 0;
        for (int threads : new int[] {1, 4}) {
            RunResult result = jmh.run(CommitBenchmark.class, "singleRowCommit", threads);
            report.figure("d", "single-row commits/s, " + threads + " thread" + (threads > 1 ? "s" : ""),
                    String.format("%.0f ± %.0f", result.getPrimaryResult().getScore(),
                            result.getPrimaryResult().getScoreError()), null);
            single = threads == 1 ? result.getPrimaryResult().getScore() : single;
        }
        return single;
    }

    /**
     * (a) Task completions per second in the engine, one thread, as staff: the meeting's "Draft concept
     * note" against a bare one-user-task process; the ratio meeting / bare, and each against the
     * commit rate of (d) when it was measured.
     */
    static double engine(ConfigurableApplicationContext app, Jmh jmh, Report report, double commitRate) throws Exception {
        TaskCompletionBenchmark.app = app;
        deployBareProcess(app);
        Path output = Path.of(System.getProperty("bench.output", "target/benchmark"));
        double bare = perSecond(profiled(jmh, "completeBareTask", output, report));
        report.figure("a", "bare one-user-task process: completions/s, 1 thread", String.format("%.1f", bare),
                commitRate > 0 ? String.format("%.3f × commit rate (d)", bare / commitRate) : null);
        double next = perSecond(profiled(jmh, "completeBareTaskToNext", output, report));
        report.figure("a", "bare two-user-task process, the first task (its completion creates the next): completions/s, 1 thread",
                String.format("%.1f", next), String.format("%.2f × bare", next / bare));
        double meeting = perSecond(profiled(jmh, "completeMeetingTask", output, report));
        report.figure("a", "meeting's 'Draft concept note': completions/s, 1 thread", String.format("%.1f", meeting),
                String.format("%.2f × bare, %.2f × bare two-task", meeting / bare, meeting / next)
                        + (commitRate > 0 ? String.format("; %.3f × commit rate (d)", meeting / commitRate) : ""));
        TaskCompletionBenchmark completions = new TaskCompletionBenchmark();
        TaskCompletionBenchmark.BareTask bareTask = new TaskCompletionBenchmark.BareTask();
        TaskCompletionBenchmark.BareFirstOfTwo firstOfTwo = new TaskCompletionBenchmark.BareFirstOfTwo();
        TaskCompletionBenchmark.MeetingTask meetingTask = new TaskCompletionBenchmark.MeetingTask();
        for (EngineProfile.Statements counted : new EngineProfile.Statements[] {
                EngineProfile.countStatements(app, output, "completeBareTask", 20, bareTask::start,
                        () -> completions.completeBareTask(bareTask)),
                EngineProfile.countStatements(app, output, "completeBareTaskToNext", 20, firstOfTwo::start,
                        () -> completions.completeBareTaskToNext(firstOfTwo)),
                EngineProfile.countStatements(app, output, "completeMeetingTask", 20, meetingTask::start,
                        () -> completions.completeMeetingTask(meetingTask))}) {
            if (counted != null) {
                report.note("(a) " + counted.file().replaceAll(".*/", "").replace("-statements.md", "") + ": " + counted.summary());
            }
        }
        return bare;
    }

    /** One JMH run of (a), recorded by JFR when {@code bench.jfr} is on (EngineProfile). */
    private static RunResult profiled(Jmh jmh, String method, Path output, Report report) throws Exception {
        jdk.jfr.Recording recording = EngineProfile.startRecording();
        RunResult result = jmh.run(TaskCompletionBenchmark.class, method, 1);
        String note = EngineProfile.stopRecording(recording, output, method);
        if (note != null) {
            report.note("(a) " + note);
        }
        return result;
    }

    private static boolean bareDeployed;

    /** The bare process, once, and staff's right to start it through the REST API (the benchmark's grant). */
    static void deployBareProcess(ConfigurableApplicationContext app) {
        if (bareDeployed) {
            return;
        }
        TaskCompletionBenchmark.deployBareProcess(app);
        AuthorizationService authorizations = app.getBean(AuthorizationService.class);
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(ConveneGroups.STAFF)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(TaskCompletionBenchmark.BARE_PROCESS).list().stream()
                .findFirst().orElseGet(() -> {
                    Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    created.setGroupId(ConveneGroups.STAFF);
                    created.setResource(Resources.PROCESS_DEFINITION);
                    created.setResourceId(TaskCompletionBenchmark.BARE_PROCESS);
                    return created;
                });
        grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(grant);
        bareDeployed = true;
    }

    /**
     * (b) Start + complete of the bare process through the REST API with 1 and 4 clients, as a ratio to
     * the engine's bare completions of (a); and each layer of the request path switched off in turn (in
     * this run only: {@link RestLayers}), measured right after the same series with every layer on, to
     * show what each costs. With {@code bench.statements} the statements each operation asks of the
     * database (pg_stat_statements, 30 operations of one client) in every configuration, written to
     * {@code <bench.output>/statements-b.md}; with {@code bench.jfr} a flight recording of each measured
     * series in {@code <bench.output>}.
     */
    static void rest(ConfigurableApplicationContext app, Jmh jmh, Report report, double bareEngine) throws Exception {
        deployBareProcess(app);
        RestBenchmark.port = ConveneApp.port(app);
        Path output = Path.of(System.getProperty("bench.output", "target/benchmark"));
        Files.createDirectories(output);
        Statements statements = new Statements(app.getBean(DataSource.class));
        CpuTime cpu = new CpuTime(app.getBean(DataSource.class));
        StringBuilder queries = new StringBuilder("# Part (b): statements per REST operation (start, find, complete)\n");
        List<RestLayers.Layer> configurations = new ArrayList<>();
        configurations.add(null);
        configurations.addAll(List.of(RestLayers.Layer.values()));
        int operations = Integer.getInteger("bench.restOperations", 200);
        try {
            // what one operation costs, one client: CPU (this JVM's threads, clients included, and PostgreSQL) and
            // statements; every layer on right before each layer off, after a warm-up (the JIT's work is not counted)
            RestBenchmark probe = new RestBenchmark();
            for (int i = 0; i < 2 * operations; i++) {
                probe.startAndComplete();
            }
            for (RestLayers.Layer off : configurations) {
                double[] allOn = off == null ? null : probe(app, null, probe, operations, cpu, null, null, report, null);
                probe(app, off, probe, operations, cpu, statements, queries, report, allOn);
            }
            // throughput: each layer off right after the same series with every layer on (the load moves)
            for (RestLayers.Layer off : RestLayers.Layer.values()) {
                for (int clients : new int[] {1, 4}) {
                    String series = clients + " client" + (clients > 1 ? "s" : "");
                    RestLayers.only(app, null, TaskCompletionBenchmark.BARE_PROCESS);
                    double on = restSeries(jmh, clients, output, "all-on-before-" + off.name());
                    report.figure("b", "REST start + complete (bare process), " + series + ", every layer on", String.format("%.1f/s", on),
                            bareEngine > 0 ? String.format("%.2f × bare in the engine (a)", on / bareEngine) : "");
                    RestLayers.only(app, off, TaskCompletionBenchmark.BARE_PROCESS);
                    double without = restSeries(jmh, clients, output, off.name());
                    report.figure("b", "REST start + complete (bare process), " + series + ", " + off.label + " off",
                            String.format("%.1f/s", without), String.format("%s: %.0f%% of the time", off.label, 100 * (1 - on / without)));
                }
            }
        } finally {
            RestLayers.only(app, null, TaskCompletionBenchmark.BARE_PROCESS);
        }
        if (statements.available()) {
            Files.writeString(output.resolve("statements-b.md"), queries);
            report.note("(b) the statements of each configuration: " + output.resolve("statements-b.md"));
        }
    }

    /** CPU ms per operation {JVM, database} of {@code operations} sequential operations with {@code off} switched off; reported. */
    private static double[] probe(ConfigurableApplicationContext app, RestLayers.Layer off, RestBenchmark probe, int operations,
                                  CpuTime cpu, Statements statements, StringBuilder queries, Report report, double[] allOn) throws Exception {
        RestLayers.only(app, off, TaskCompletionBenchmark.BARE_PROCESS);
        String label = off == null ? "every layer on" : off.label + " off";
        probe.startAndComplete();
        boolean count = statements != null && statements.available();
        if (count) {
            statements.reset();
        }
        CpuTime.Sample before = cpu.now();
        long started = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            probe.startAndComplete();
        }
        double wall = (System.nanoTime() - started) / 1e6 / operations;
        CpuTime.Sample used = cpu.now().minus(before);
        double jvm = used.jvm() / operations;
        double database = used.database() / operations;
        String perOperation = String.format("CPU %.1f ms (JVM %.1f, PostgreSQL %.1f), wall %.1f ms", jvm + database, jvm, database, wall);
        if (count) {
            Statements.PerOperation asked = statements.read(operations);
            perOperation += "; " + asked.summary();
            queries.append("\n## ").append(label).append(": ").append(asked.summary()).append("\n\n").append(asked.table(100));
        }
        report.figure("b", "one REST operation (start, find, complete), 1 client, " + label, perOperation, allOn == null ? ""
                : String.format("%s: %.0f%% of the CPU (every layer on just before: %.1f ms)", off.label,
                        100 * (allOn[0] + allOn[1] - jvm - database) / (allOn[0] + allOn[1]), allOn[0] + allOn[1]));
        return new double[] {jvm, database};
    }

    /** Operations per second of one series of part (b); recorded to {@code <output>/b-<name>-<clients>.jfr} with {@code bench.jfr}. */
    private static double restSeries(Jmh jmh, int clients, Path output, String name) throws Exception {
        Recording recording = Boolean.getBoolean("bench.jfr") ? new Recording(Configuration.getConfiguration("profile")) : null;
        if (recording != null) {
            recording.setDestination(output.resolve("b-" + name.toLowerCase().replace('_', '-') + "-" + clients + ".jfr"));
            recording.start();
        }
        try {
            return jmh.run(RestBenchmark.class, "startAndComplete", clients).getPrimaryResult().getScore();
        } finally {
            if (recording != null) {
                recording.stop();
                recording.close();
            }
        }
    }

    /** (e) Start to ready and peak memory, Convene against the bare Camunda starter app, alternately, twice. */
    static void startUp(Database database, Path output, Report report) throws Exception {
        StartUp startUp = new StartUp(database, output);
        for (int round = 1; round <= 2; round++) {
            StartUp.Result bare = startUp.bare();
            report.figure("e", "bare Camunda starter: start to ready (Tasklist answers), peak RSS",
                    String.format("%.1f s, %d MB", bare.seconds(), bare.peakMegabytes()), null);
            StartUp.Result convene = startUp.convene();
            report.figure("e", "Convene: start to ready (Tasklist answers), peak RSS",
                    String.format("%.1f s, %d MB", convene.seconds(), convene.peakMegabytes()),
                    String.format("%.2f × bare start, %.2f × bare memory", convene.seconds() / bare.seconds(),
                            (double) convene.peakMegabytes() / bare.peakMegabytes()));
        }
        StartUp.Result profiled = startUp.conveneProfiled();
        report.note(String.format("(e) where Convene's start goes: %s (a third start with Spring's start-up steps recorded: %.1f s)",
                output.resolve("startup-steps.txt"), profiled.seconds()));
    }

    /**
     * (f) Invitations delivered per second to the SMTP server (MailThroughput): {@code invitees} of a
     * meeting by this node alone, then by it and a second node (a JVM of its own on the same database),
     * each after a warm-up meeting of a fifth as many; the ratio two nodes / one.
     */
    static void mail(ConfigurableApplicationContext app, Database database, int invitees, Report report) throws Exception {
        try (MailThroughput mail = new MailThroughput(app, database)) {
            double one = 0;
            for (int nodes = 1; nodes <= 2; nodes++) {
                if (nodes == 2) {
                    mail.startSecondNode();
                }
                mail.deliver(Math.max(1, invitees / 5));
                MailThroughput.Run run = mail.deliver(invitees);
                one = nodes == 1 ? run.perSecond() : one;
                report.figure("f", "invitations delivered to SMTP, " + invitees + " invitees, " + nodes + " node"
                        + (nodes > 1 ? "s" : ""), String.format("%.1f mails/s (%.1f s; sent by node: %s; machine CPU %.0f%% busy; "
                        + "node 1's JVM %.0f ms CPU a mail)", run.perSecond(), run.seconds(), run.byNode().values(),
                        100 * run.machineBusy(), run.ownCpuMsPerMail()), nodes == 1 ? null : String.format("%.2f × one node", run.perSecond() / one));
            }
        }
    }

    /** Completions per second of one thread from sampled times in milliseconds (1000 / mean). */
    private static double perSecond(RunResult result) {
        return 1000.0 / result.getPrimaryResult().getStatistics().getMean();
    }

    /** (c) Tasklist's "My groups' tasks" for a staff user. */
    static void tasklist(ConfigurableApplicationContext app, Jmh jmh, int meetings, int tasks, Report report)
            throws Exception {
        long open = TaskLoad.seed(app, meetings, tasks, report);
        TasklistSession session = new TasklistSession(ConveneApp.port(app)).signIn("lena", "My groups' tasks");
        long started = System.nanoTime();
        long count = session.firstPage();
        double probeMs = (System.nanoTime() - started) / 1e6;
        report.note(String.format("Tasklist's first page, first call: %.0f ms, count %d of %d open tasks", probeMs,
                count, open));
        TasklistQueryBenchmark.session = session;
        // calls of seconds each: one per iteration, no warm-up (the answer is the same)
        Mode mode = probeMs > 2_000 ? Mode.SingleShotTime : null;
        for (String method : new String[] {"firstPage", "count"}) {
            Statistics statistics = jmh.run(TasklistQueryBenchmark.class, method, 1, mode).getPrimaryResult().getStatistics();
            report.figure("c", "Tasklist 'My groups' tasks' " + (method.equals("count") ? "count" : "first page (with count)")
                            + ", " + open + " open tasks, " + meetings + " meetings",
                    String.format("p50 %.1f ms, p95 %.1f ms (n=%d)", statistics.getPercentile(50), statistics.getPercentile(95),
                            statistics.getN()), null);
        }
    }
}
