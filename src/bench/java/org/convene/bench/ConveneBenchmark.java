package org.convene.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
        double bare = perSecond(jmh.run(TaskCompletionBenchmark.class, "completeBareTask", 1));
        report.figure("a", "bare one-user-task process: completions/s, 1 thread", String.format("%.1f", bare),
                commitRate > 0 ? String.format("%.3f × commit rate (d)", bare / commitRate) : null);
        double meeting = perSecond(jmh.run(TaskCompletionBenchmark.class, "completeMeetingTask", 1));
        report.figure("a", "meeting's 'Draft concept note': completions/s, 1 thread", String.format("%.1f", meeting),
                String.format("%.2f × bare", meeting / bare)
                        + (commitRate > 0 ? String.format("; %.3f × commit rate (d)", meeting / commitRate) : ""));
        return bare;
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
     * the engine's bare completions of (a); then with the engine's authorization checks switched off
     * (in this run only), to show what they cost.
     */
    static void rest(ConfigurableApplicationContext app, Jmh jmh, Report report, double bareEngine) throws Exception {
        deployBareProcess(app);
        RestBenchmark.port = ConveneApp.port(app);
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration();
        double[] withChecks = new double[2];
        for (boolean checks : new boolean[] {true, false}) {
            engine.setAuthorizationEnabled(checks);
            try {
                int i = 0;
                for (int clients : new int[] {1, 4}) {
                    double rate = jmh.run(RestBenchmark.class, "startAndComplete", clients).getPrimaryResult().getScore();
                    String ratio = bareEngine > 0 ? String.format("%.2f × bare in the engine (a)", rate / bareEngine) : "";
                    if (checks) {
                        withChecks[i] = rate;
                    } else {
                        ratio = String.format("checks cost %.0f%%", 100 * (1 - withChecks[i] / rate));
                    }
                    report.figure("b", "REST start + complete (bare process), " + clients + " client" + (clients > 1 ? "s" : "")
                            + (checks ? "" : ", authorization checks off"), String.format("%.1f/s", rate), ratio);
                    i++;
                }
            } finally {
                engine.setAuthorizationEnabled(true);
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
                        + (nodes > 1 ? "s" : ""), String.format("%.1f mails/s (%.1f s; sent by node: %s)", run.perSecond(),
                        run.seconds(), run.byNode().values()), nodes == 1 ? null : String.format("%.2f × one node", run.perSecond() / one));
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
