package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.convene.ConveneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A password guesser is slowed; the real user, from elsewhere, still gets in. Client
 * addresses are given by X-Forwarded-For, which Tomcat believes only from an internal proxy
 * (here: the test on 127.0.0.1).
 */
@ConveneIntegrationTest
class BruteForceTests {

    @Value("${local.server.port}")
    int port;

    @Autowired IdentityService identityService;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldThrottleABasicAuthGuesserAndStillLetTheRealUserIn() throws Exception {
        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            guesses.add(basic("203.0.113.9", "omar", "guess" + i).statusCode());
        }
        assertThat(guesses.subList(0, LoginThrottle.FREE_FAILURES + 1)).containsOnly(401);
        assertThat(guesses.subList(LoginThrottle.FREE_FAILURES + 1, 20)).containsOnly(429);
        HttpResponse<String> throttled = basic("203.0.113.9", "omar", "omar");
        assertThat(throttled.statusCode()).as("even the right password waits at the guesser's address").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();

        assertThat(basic("198.51.100.7", "omar", "omar").statusCode()).isEqualTo(200);
        assertThat(identityService.checkPassword("omar", "omar")).as("Camunda did not lock the user").isTrue();
    }

    @Test
    void shouldThrottleAWebappLoginGuesserAndStillLetTheRealUserIn() throws Exception {
        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            guesses.add(webappLogin("203.0.113.20", "sofia", "guess" + i).statusCode());
        }
        assertThat(guesses).startsWith(401, 401, 401, 401).endsWith(429, 429);
        assertThat(webappLogin("198.51.100.20", "sofia", "sofia").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> basic(String address, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/count"))
                .header("Authorization", "Basic " + credentials)
                .header("X-Forwarded-For", address)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As Tasklist's login page does: fetch the page (and the webapps' XSRF cookie), then post the form. */
    private HttpResponse<String> webappLogin(String address, String user, String password) throws Exception {
        var cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                .header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
