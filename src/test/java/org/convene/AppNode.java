package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The app as a separate JVM, for the failsafe tests that kill a node ({@link Process#destroyForcibly()}
 * is a kill -9) or run two of them: two apps in one JVM would share one static engine registry
 * (DESIGN.md). The node runs the app's classes and libraries, not the tests' (their components
 * would be scanned), with a 512 MB heap; its output goes to {@code target/<logName>.log}.
 */
public final class AppNode {

    private AppNode() {
    }

    /**
     * Starts {@link ConveneApplication} with the arguments ({@code --property=value}) and the
     * environment variables given (added to this JVM's).
     *
     * @throws IOException when the JVM cannot be started or the log file not created
     */
    public static Process start(String logName, List<String> arguments, Map<String, String> environment)
            throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        Path log = Path.of("target", logName + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, ConveneApplication.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Waits until the node on {@code port} answers its health check with 200 (polled every 100 ms),
     * failing after three minutes: a guard, not a timed assertion.
     */
    public static void awaitUp(int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(Instant.now()).as("node on port %d not up; see its log in target/", port).isBefore(until);
            Thread.sleep(100);
        }
    }

    /** A TCP port free on this machine now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
