package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convene.ConveneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Nothing of the REST API answers an anonymous caller: every operation of its OpenAPI description gets 401. */
@ConveneIntegrationTest
class AnonymousAccessTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void shouldAnswer401ToAnAnonymousCallOfEveryRestOperation() throws Exception {
        JsonNode paths = openApi().path("paths");
        HttpClient http = HttpClient.newHttpClient();
        List<String> answered = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            String url = "http://localhost:" + port + "/engine-rest" + path.getKey().replaceAll("\\{[^}]+}", "x1");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                        .method(method, method.equals("GET") || method.equals("DELETE") || method.equals("OPTIONS")
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json")
                        .build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                operations++;
                if (status != 401) {
                    answered.add(method + " " + path.getKey() + " -> " + status);
                }
            }
        }
        assertThat(operations).isGreaterThan(350);
        assertThat(answered).as("operations that did not answer 401 to an anonymous call").isEmpty();
    }

    @Test
    void shouldAnswer401ToAnAnonymousCallOfTheAppsApiAndActuator() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api/meetings", "/actuator/env", "/actuator/beans", "/engine-rest/engine")) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    private static JsonNode openApi() throws IOException {
        try (InputStream in = AnonymousAccessTests.class.getResourceAsStream("/openapi.json")) {
            assertThat(in).as("openapi.json of camunda-engine-rest-openapi").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
