package org.convene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser: signs in through Tasklist's login exactly as the login page does (the
 * webapps' XSRF cookie and header, then the form post), keeps the session cookie, and calls
 * the app's pages with it. Redirects are not followed, so a test sees them. POSTs to the
 * app's pages carry the Spring CSRF token taken from the last page shown (its form's hidden
 * field, as a browser sends it; a page without a form has it in a meta tag).
 */
public final class BrowserSession {

    /** The token of a form's hidden field, else of the page's meta tag. */
    private static final Pattern CSRF_FIELD = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String lastPage = "";
    private boolean webappTokenFetched;

    private BrowserSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Nobody signed in. */
    public static BrowserSession anonymous(int port) {
        return new BrowserSession(port);
    }

    /** Signed into Tasklist as a demo user (password = user id). */
    public static BrowserSession signedIn(int port, String user) {
        return signedIn(port, user, "tasklist");
    }

    /**
     * Signed into one of the webapps (tasklist, cockpit, admin, welcome). The webapps refuse a
     * user the app they may not use; every user may sign into the welcome page.
     */
    public static BrowserSession signedIn(int port, String user, String app) {
        BrowserSession browser = new BrowserSession(port);
        assertThat(browser.get("/camunda/app/" + app + "/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(browser.uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", user)))));
        assertThat(login.statusCode()).as("login of %s: %s", user, login.body()).isEqualTo(200);
        return browser;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
        lastPage = response.body();
        return response;
    }

    /**
     * Calls the engine's REST API as Tasklist does, in this session: {@code /camunda/api/engine/engine/default}
     * + path, JSON in and out, with the webapps' CSRF token (the XSRF-TOKEN cookie sent back as a header).
     *
     * @param body a JSON document, or null for none
     */
    public HttpResponse<String> engine(String method, String path, String body) {
        return send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Submits a form of the app's pages with the CSRF token of the page last shown. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        csrfToken(lastPage).ifPresent(token -> withToken.putIfAbsent("_csrf", token));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(withToken))));
        lastPage = response.body();
        return response;
    }

    /**
     * Uploads a file as a browser submits a form with {@code enctype="multipart/form-data"}: the
     * file's part and the CSRF token of the page last shown as a field of the form.
     */
    public HttpResponse<String> postFile(String path, String field, String fileName, String contentType, byte[] content) {
        String boundary = "----ConveneTestBoundary" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        csrfToken(lastPage).ifPresent(token -> body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        lastPage = response.body();
        return response;
    }

    /** A download (e.g. a CSV export) as its bytes. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows a Post/Redirect/Get redirect to the page it names. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as("redirect, got %s: %s", redirect.statusCode(), redirect.body()).isEqualTo(302);
        return get(URI.create(redirect.headers().firstValue("Location").orElseThrow()).getPath());
    }

    /**
     * Calls the webapps' REST API as Tasklist's own scripts do (e.g. {@code
     * /camunda/api/engine/engine/default/task/{id}/claim}): the session cookie, the webapps' XSRF
     * header (fetched once by a GET, as Tasklist does after signing in), and {@code body} sent as
     * it is with Content-Type application/json (null: no body).
     */
    public HttpResponse<String> webappApi(String method, String path, String body) {
        if (!webappTokenFetched) {
            // as Tasklist does after its login: a first GET gives the new session its XSRF token
            send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/")).header("Accept", "application/json").GET());
            webappTokenFetched = true;
        }
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/plain, */*")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    public static Optional<String> csrfToken(String html) {
        for (Pattern pattern : new Pattern[] {CSRF_FIELD, CSRF_META}) {
            Matcher matcher = pattern.matcher(html == null ? "" : html);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies.getCookieStore().getCookies()));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
