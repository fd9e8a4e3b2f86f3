package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.convene.ConveneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** An anonymous visit to an app page goes to Tasklist's login, which brings the person back afterwards. */
@ConveneIntegrationTest
class ReturnAfterLoginTests {

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldSendAnAnonymousVisitorToTheLoginRememberingThePage() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/meetings/EM-2027-AMMAN/agenda?day=2"))
                .header("Accept", "text/html,*/*").build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/camunda/app/tasklist/default/#/login");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("convene_return=%2Fmeetings%2FEM-2027-AMMAN%2Fagenda%3Fday%3D2").contains("Max-Age=600"));
    }

    @Test
    void shouldServeTasklistWithTheScriptThatReturnsToThePage() throws Exception {
        String config = http.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/scripts/config.js")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(config).contains("scripts/convene-return.js");
        String script = http.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/scripts/convene-return.js")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(script).contains("convene_return").contains("window.location.assign");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
