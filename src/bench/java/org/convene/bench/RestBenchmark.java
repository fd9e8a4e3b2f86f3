package org.convene.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * (b) The bare one-user-task process started and its task completed through the authenticated REST
 * API ({@code /engine-rest}, HTTP Basic as {@code lena}): start, find the task, complete it — three
 * requests per operation; operations per second over all client threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RestBenchmark {

    static int port;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (TaskCompletionBenchmark.USER + ":" + TaskCompletionBenchmark.USER).getBytes(StandardCharsets.UTF_8));

    @Benchmark
    public void startAndComplete() throws Exception {
        String instance = json.readTree(send("POST", "/engine-rest/process-definition/key/"
                + TaskCompletionBenchmark.BARE_PROCESS + "/start", "{}")).get("id").asText();
        String task = json.readTree(send("GET", "/engine-rest/task?processInstanceId=" + instance, null)).get(0).get("id").asText();
        send("POST", "/engine-rest/task/" + task + "/complete", "{}");
    }

    private static String send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", BASIC).header("Accept", "application/json");
        request = body == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
