package org.convene.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.convene.ConveneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The session cookie is HttpOnly and SameSite, Secure behind HTTPS; pages carry the standard security headers. */
@ConveneIntegrationTest
class SessionCookieAndHeaderTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void shouldSetAnHttpOnlySameSiteSessionCookieThatIsSecureBehindHttps() throws Exception {
        List<String> plain = signIn("http").headers().allValues("Set-Cookie");
        assertThat(plain).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly")
                .contains("SameSite=Lax").doesNotContain("Secure"));

        List<String> behindHttps = signIn("https").headers().allValues("Set-Cookie");
        assertThat(behindHttps).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly")
                .contains("Secure"));
    }

    @Test
    void shouldSendStandardSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> api = http.send(HttpRequest.newBuilder(URI.create(url("/engine-rest/engine"))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("Cache-Control")).get().asString().contains("no-store");

        HttpResponse<Void> tasklist = http.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/")))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(tasklist.headers().firstValue("X-Frame-Options")).isPresent();
    }

    /**
     * Signs in as the Tasklist login page does. Cookies are carried by hand: behind HTTPS they
     * are Secure, and a cookie jar would not send them back over the test's plain connection.
     */
    private HttpResponse<String> signIn(String forwardedProto) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/")))
                .header("X-Forwarded-Proto", forwardedProto).build(), HttpResponse.BodyHandlers.discarding());
        List<HttpCookie> cookies = page.headers().allValues("Set-Cookie").stream()
                .flatMap(header -> HttpCookie.parse(header).stream()).toList();
        String xsrf = cookies.stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        String cookieHeader = String.join("; ", cookies.stream().map(c -> c.getName() + "=" + c.getValue()).toList());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookieHeader)
                .header("X-XSRF-TOKEN", xsrf)
                .header("X-Forwarded-Proto", forwardedProto)
                .POST(HttpRequest.BodyPublishers.ofString("username=kenji&password=kenji"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
