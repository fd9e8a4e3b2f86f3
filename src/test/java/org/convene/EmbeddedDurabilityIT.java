package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.convene.meeting.ExpertMeetingProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps what it acknowledged across a {@code kill -9}: the app runs as a separate
 * JVM on an H2 file database in a temporary directory, staff start meetings through the REST API, the
 * JVM is killed right after the last answer and started again on the same files: every meeting whose
 * start answered 200 is there (its process instance and its meeting record).
 * <p>
 * The same loop first runs with H2's own default (WRITE_DELAY=500: commits written by a background
 * thread), to print what the setting costs (starts per second with and without) and what it saves
 * (how many acknowledged starts that run lost). Those figures are printed, not asserted.
 */
class EmbeddedDurabilityIT {

    static final int WARM_UP = 10;
    static final int STARTS = 100;
    /** The app's datasource URL (application.yaml) with H2's default write delay instead of WRITE_DELAY=0. */
    static final String DELAYED_URL = "jdbc:h2:file:%s/convene;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=500";

    @TempDir Path dataDir;
    final List<Process> nodes = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    final LocalDate firstDay = ExpertMeetings.firstDay();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void shouldKeepEveryAcknowledgedStartAcrossAKill() throws Exception {
        // H2's default write delay: the figures to compare with
        int port = AppNode.freePort();
        Process delayed = node("delayed", port, String.format(DELAYED_URL, dataDir.toAbsolutePath()));
        AppNode.awaitUp(port);
        startMeetings(port, "DUR-WARM-A", WARM_UP);
        Loop withoutSetting = startMeetings(port, "DUR-A", STARTS);
        delayed.destroyForcibly().waitFor();
        long sizeWithout = dataFileKb();

        // the app's own configuration (WRITE_DELAY=0) on the same files
        port = AppNode.freePort();
        Process durable = node("durable", port, null);
        AppNode.awaitUp(port);
        long lostWithoutSetting = withoutSetting.acknowledged.size() - present(port, withoutSetting.acknowledged).size();
        startMeetings(port, "DUR-WARM-B", WARM_UP);
        Loop withSetting = startMeetings(port, "DUR-B", STARTS);
        durable.destroyForcibly().waitFor();
        long sizeWith = dataFileKb();

        port = AppNode.freePort();
        Process restarted = node("restarted", port, null);
        AppNode.awaitUp(port);
        Set<String> kept = present(port, withSetting.acknowledged);
        restarted.destroy();
        restarted.waitFor();

        System.out.printf("H2 durability: WRITE_DELAY=500 (H2's default): %.1f starts/s, %d of %d acknowledged starts lost "
                        + "to kill -9; WRITE_DELAY=0 (application.yaml): %.1f starts/s, %d of %d lost. Data file: %d KB after "
                        + "the first run (schema + %d starts), %d KB after the second (+%d starts), %d KB after a clean stop%n",
                withoutSetting.perSecond(), lostWithoutSetting, withoutSetting.acknowledged.size(), withSetting.perSecond(),
                withSetting.acknowledged.size() - kept.size(), withSetting.acknowledged.size(),
                sizeWithout, WARM_UP + STARTS, sizeWith, WARM_UP + STARTS, dataFileKb());
        assertThat(withSetting.acknowledged).hasSize(STARTS);
        assertThat(kept).as("acknowledged before kill -9, there after the restart")
                .containsExactlyInAnyOrderElementsOf(withSetting.acknowledged);
    }

    record Loop(List<String> acknowledged, Duration took) {
        double perSecond() {
            return acknowledged.size() * 1000.0 / Math.max(1, took.toMillis());
        }
    }

    /** Starts meetings one after another as lena does in Tasklist; each one that answered 200 is acknowledged. */
    private Loop startMeetings(int port, String prefix, int count) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 1; i <= count; i++) {
            String code = String.format("%s-%03d", prefix, i);
            Map<String, Object> variables = new LinkedHashMap<>();
            ExpertMeetings.proposal(firstDay).forEach((name, value) -> variables.put(name, Map.of("value", value)));
            HttpResponse<String> answer = send(port, "lena", HttpRequest.newBuilder(uri(port,
                            "/engine-rest/process-definition/key/" + ExpertMeetingProcess.ID + "/start"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            Map.of("businessKey", code, "variables", variables)))));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            acknowledged.add(code);
        }
        return new Loop(acknowledged, Duration.between(start, Instant.now()));
    }

    /** The codes among those given that have both their meeting record and their meeting process instance. */
    private Set<String> present(int port, List<String> codes) throws Exception {
        HttpResponse<String> answer = send(port, "demo", HttpRequest.newBuilder(uri(port,
                "/engine-rest/process-instance?processDefinitionKey=" + ExpertMeetingProcess.ID)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Set<String> instances = json.readValue(answer.body(), new TypeReference<List<Map<String, Object>>>() { }).stream()
                .map(instance -> (String) instance.get("businessKey")).collect(Collectors.toSet());
        Set<String> present = new HashSet<>();
        for (String code : codes) {
            int schedule = send(port, "lena", HttpRequest.newBuilder(uri(port, "/api/meetings/" + code + "/schedule"))).statusCode();
            assertThat(schedule).as(code).isIn(200, 404);
            if (schedule == 200 && instances.contains(code)) {
                present.add(code);
            }
        }
        return present;
    }

    private Process node(String name, int port, String datasourceUrl) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                // the demo users, not the demo meeting; no job executor, so only the REST calls commit
                "--convene.demo.meeting=false", "--camunda.bpm.job-execution.enabled=false",
                "--spring.mail.port=" + AppNode.freePort()));
        if (datasourceUrl != null) {
            arguments.add("--spring.datasource.url=" + datasourceUrl);
        }
        Process process = AppNode.start("h2-durability-" + name, arguments,
                Map.of("PORT", String.valueOf(port), "CONVENE_DATA_DIR", dataDir.toAbsolutePath().toString()));
        nodes.add(process);
        return process;
    }

    private HttpResponse<String> send(int port, String user, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private long dataFileKb() throws IOException {
        return Files.size(dataDir.resolve("convene.mv.db")) / 1024;
    }
}
