package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.convene.AppNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two app nodes (separate JVMs, postgres profile, hostnames node-a and node-b) on one embedded
 * PostgreSQL, as behind a load balancer without sticky sessions: a login on node A holds on node
 * B (Spring Session JDBC, cookie JSESSIONID), a logout on B ends it on A, and a password guesser
 * counted on A is slowed on B (identity/LoginThrottle's counters in the database).
 */
class TwoNodesIT {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "two-nodes-admin-1";

    EmbeddedPostgres postgres;
    final List<Process> nodes = new ArrayList<>();
    final CookieManager cookies = new CookieManager();
    // cookies are kept per host, not per port: what node A sets is sent to node B, as one site behind a balancer
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @AfterEach
    void stopAll() throws IOException {
        nodes.forEach(Process::destroyForcibly);
        postgres.close();
    }

    @Test
    void shouldShareWebSessionsAndLoginThrottleBetweenNodes() throws Exception {
        Instant started = Instant.now();
        // the first node alone creates the schema (README: Run several nodes), then the second joins
        int portA = AppNode.freePort();
        node("a", portA);
        AppNode.awaitUp(portA);
        int portB = AppNode.freePort();
        node("b", portB);
        AppNode.awaitUp(portB);
        System.out.printf("two nodes: both up after %d s%n", Duration.between(started, Instant.now()).toSeconds());

        assertThat(get(portB, "/camunda/api/admin/auth/user/default").statusCode()).as("nobody signed in yet").isNotEqualTo(200);
        assertThat(webappLogin(portA).statusCode()).isEqualTo(200);
        HttpCookie session = cookie("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();

        HttpResponse<String> onB = get(portB, "/camunda/api/admin/auth/user/default");
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
        assertThat(onB.body()).contains("\"userId\":\"" + ADMIN + "\"");
        HttpResponse<String> pageOnB = get(portB, "/meetings");
        assertThat(pageOnB.statusCode()).as("an app page on node B, signed in on node A (one login)").isEqualTo(200);
        assertThat(cookie("JSESSIONID").getValue()).as("the same session").isEqualTo(session.getValue());

        HttpResponse<String> logout = send(portB, HttpRequest.newBuilder(uri(portB, "/camunda/api/admin/auth/user/default/logout"))
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").getValue())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).as(logout.body()).isLessThan(400);
        assertThat(get(portA, "/camunda/api/admin/auth/user/default").statusCode()).as("signed out on B: out on A too")
                .isNotEqualTo(200);

        // a guesser: its free failures on node A, then node B makes it wait
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            assertThat(basic(portA, "guess" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> next = basic(portB, "guess-on-b");
        assertThat(next.statusCode()).as("node B knows node A's count").isEqualTo(429);
        assertThat(next.headers().firstValue("Retry-After")).isPresent();
        System.out.printf("two nodes: whole run %d s%n", Duration.between(started, Instant.now()).toSeconds());
    }

    /** As Tasklist's login page does: the page (and the webapps' XSRF cookie), then the form. */
    private HttpResponse<String> webappLogin(int port) throws Exception {
        assertThat(get(port, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        String form = "username=" + ADMIN + "&password=" + ADMIN_PASSWORD;
        return send(port, HttpRequest.newBuilder(uri(port, "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").getValue())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> basic(int port, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(port, "/engine-rest/task/count"))
                .header("Authorization", "Basic " + credentials)
                .header("X-Forwarded-For", "203.0.113.77")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return send(port, HttpRequest.newBuilder(uri(port, path)).header("Accept", "text/html, application/json").GET());
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no cookie " + name + ": "
                        + cookies.getCookieStore().getCookies()));
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void node(String name, int port) throws IOException {
        nodes.add(AppNode.start("two-nodes-" + name, List.of(
                "--spring.profiles.active=postgres", "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=node-" + name), Map.of(
                "POSTGRES_URL", postgres.getJdbcUrl("postgres", "postgres"), "POSTGRES_USER", "postgres",
                "POSTGRES_PASSWORD", "postgres", "CONVENE_ADMIN_ID", ADMIN, "CONVENE_ADMIN_PASSWORD", ADMIN_PASSWORD)));
    }
}
