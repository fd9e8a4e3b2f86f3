package org.convene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A user signed into Tasklist (the webapps' login, their session cookie and XSRF token), asking
 * what Tasklist 7.24 asks when it shows a filter's first page: {@code POST
 * /camunda/api/engine/engine/default/filter/{id}/list?firstResult=0&maxResults=15} with
 * {@code Accept: application/hal+json} and the body Tasklist builds (its search query, first page of
 * 15, sorted by creation date descending, active tasks). The HAL answer holds the page, the
 * filter's variables of each task and the total count, which Tasklist shows beside the filter.
 */
final class TasklistSession {

    /** What Tasklist's taskListQuery posts for page 1 with no sorting chosen (camunda-tasklist-bootstrap.js). */
    static final String FIRST_PAGE_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
            + "\"active\":true}";

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final ObjectMapper json = new ObjectMapper();
    private String filterId;

    TasklistSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in as {@code user} (password = user id) and finds the filter named {@code filterName}. */
    TasklistSession signIn(String user, String filterName) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " answered " + login.statusCode());
        }
        if (filterName == null) {
            return this;
        }
        JsonNode filters = json.readTree(get("/camunda/api/engine/engine/default/filter?resourceType=Task&name="
                + URLEncoder.encode(filterName, StandardCharsets.UTF_8)));
        filterId = filters.get(0).get("id").asText();
        return this;
    }

    /** Tasklist's request for the filter's first page; returns the count the answer holds. */
    long firstPage() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(post("/camunda/api/engine/engine/default/filter/" + filterId
                + "/list?firstResult=0&maxResults=15", FIRST_PAGE_BODY)
                .header("Accept", "application/hal+json, application/json; q=0.5").build(),
                HttpResponse.BodyHandlers.ofString());
        check(response);
        return json.readTree(response.body()).get("count").asLong();
    }

    /** The first page of all the tasks the user may see ({@code GET /task}, signed in). */
    void firstPageOfAllTasks() throws IOException, InterruptedException {
        get("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15&sortBy=created&sortOrder=desc");
    }

    /** The filter's count alone ({@code POST filter/{id}/count}, as Tasklist's filter list asks it). */
    long count() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(post("/camunda/api/engine/engine/default/filter/" + filterId
                + "/count", "{}").header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        check(response);
        return json.readTree(response.body()).get("count").asLong();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf())
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        check(response);
        return response.body();
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }
}
