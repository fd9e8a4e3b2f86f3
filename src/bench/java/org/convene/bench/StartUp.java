package org.convene.bench;

import benchmark.bare.BareCamundaApplication;
import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.convene.ConveneApplication;

/**
 * (e) Start to ready and peak memory: Convene (its default configuration, demo users, no demo
 * meeting) and the bare Camunda starter app ({@link BareCamundaApplication}), each a JVM of its own
 * with a 512 MB heap on a new database of the benchmark's PostgreSQL, started alternately. Ready =
 * Tasklist's page answers 200 ({@code /camunda/app/tasklist/default/}), timed from the JVM's launch;
 * then the admin signs into Tasklist and lists tasks once, and the peak resident memory of the JVM
 * (VmHWM) is read.
 */
final class StartUp {

    record Result(double seconds, long peakMegabytes) {
    }

    private final Database database;
    private final Path logs;
    private int databases;

    StartUp(Database database, Path logs) {
        this.database = database;
        this.logs = logs;
    }

    Result convene() throws Exception {
        String db = newDatabase("convene");
        return start("convene", ConveneApplication.class.getName(), mainClassPath(), List.of(
                "--spring.datasource.url=" + db, "--spring.datasource.username=" + database.user,
                "--spring.datasource.password=" + database.password, "--convene.demo.enabled=true",
                "--convene.demo.meeting=false", "--spring.mail.port=" + ConveneApp.freePort()));
    }

    /**
     * Convene once more, with its start-up steps recorded ({@link StartupSteps}): the table is written to
     * {@code startup-steps.txt} beside the logs; the time returned includes the recording's own cost.
     */
    Result conveneProfiled() throws Exception {
        Files.deleteIfExists(logs.resolve("startup-steps.txt"));
        String db = newDatabase("convene_profiled");
        return start("convene-profiled", StartupSteps.class.getName(), System.getProperty("java.class.path"), List.of(
                "--spring.datasource.url=" + db, "--spring.datasource.username=" + database.user,
                "--spring.datasource.password=" + database.password, "--convene.demo.enabled=true",
                "--convene.demo.meeting=false", "--spring.mail.port=" + ConveneApp.freePort()),
                List.of("-Dbench.steps=" + logs.resolve("startup-steps.txt").toAbsolutePath()), logs.resolve("startup-steps.txt"));
    }

    Result bare() throws Exception {
        String db = newDatabase("bare");
        return start("bare", BareCamundaApplication.class.getName(), System.getProperty("java.class.path"), List.of(
                // its own properties only: Convene's application.yaml is on the class path too
                "--spring.config.location=optional:file:/nonexistent/", "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + database.user, "--spring.datasource.password=" + database.password,
                "--camunda.bpm.admin-user.id=demo", "--camunda.bpm.admin-user.password=demo",
                "--camunda.bpm.database.schema-update=true", "--camunda.bpm.auto-deployment-enabled=false",
                "--camunda.bpm.webapp.index-redirect-enabled=true"));
    }

    private Result start(String name, String mainClass, String classPath, List<String> arguments) throws Exception {
        return start(name, mainClass, classPath, arguments, List.of(), null);
    }

    /** … with these JVM options; when {@code written} is given, the process is stopped only once that file exists. */
    private Result start(String name, String mainClass, String classPath, List<String> arguments, List<String> jvmOptions,
                         Path written) throws Exception {
        int port = ConveneApp.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass, "--server.port=" + port));
        command.addAll(arguments);
        Files.createDirectories(logs);
        File log = logs.resolve("startup-" + name + "-" + databases + ".log").toFile();
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        try {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(2)).build();
            URI tasklist = URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/");
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " stopped; see " + log);
                }
                try {
                    if (http.send(HttpRequest.newBuilder(tasklist).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() - launched > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException(name + " not ready after 5 minutes; see " + log);
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - launched) / 1e9;
            new TasklistSession(port).signIn("demo", null).firstPageOfAllTasks();
            Result result = new Result(seconds, peakMegabytes(process.pid()));
            long waited = System.nanoTime();
            while (written != null && !Files.exists(written) && process.isAlive()
                    && System.nanoTime() - waited < Duration.ofMinutes(1).toNanos()) {
                Thread.sleep(100);
            }
            return result;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private String newDatabase(String prefix) throws Exception {
        String name = "startup_" + prefix + "_" + (++databases);
        try (Connection connection = DriverManager.getConnection(database.url, database.user, database.password)) {
            connection.createStatement().execute("create database " + name);
        }
        return database.url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    /** Convene's class path: its classes and libraries, not the tests' or the benchmark's (they hold components). */
    private static String mainClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
    }

    /** The peak resident set of a process (VmHWM in /proc), in MB; -1 where there is no /proc. */
    private static long peakMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:")).map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(-1024) / 1024;
        } catch (IOException noProc) {
            return -1;
        }
    }
}
