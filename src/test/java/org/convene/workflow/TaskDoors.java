package org.convene.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.convene.BrowserSession;
import org.convene.RestClients;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The two doors to the engine's task operations that people use: Convene's REST API with HTTP
 * Basic ({@code /engine-rest}), and Tasklist's own API in a session signed in through
 * Tasklist's login, with the webapps' CSRF token ({@code /camunda/api/engine/engine/default}).
 * Demo users and the tests' own users have their user id as password.
 */
final class TaskDoors {

    enum Door { REST, TASKLIST }

    /** An answer: its HTTP status and, for an error, the message Camunda's REST API gives. */
    record Answer(int status, String body) {

        String message() {
            try {
                return String.valueOf(JSON.readTree(body).path("message").asText());
            } catch (JsonProcessingException e) {
                return body;
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;
    private final int port;
    private final Map<String, BrowserSession> sessions = new HashMap<>();

    TaskDoors(TestRestTemplate rest, int port) {
        this.rest = rest;
        this.port = port;
    }

    /**
     * Calls an operation of the engine's REST API as the user, through the door.
     *
     * @param path the operation's path below the engine, e.g. "/task/{id}/claim"
     * @param body a JSON body (a Map), or null
     */
    Answer call(Door door, String user, String method, String path, Object body) {
        if (door == Door.TASKLIST) {
            BrowserSession browser = sessions.computeIfAbsent(user, u -> {
                BrowserSession signedIn = BrowserSession.signedIn(port, u);
                // the login starts a new session: its CSRF token comes with the first page Tasklist then loads
                signedIn.engine("GET", "/user/" + u + "/profile", null);
                return signedIn;
            });
            HttpResponse<String> response = browser.engine(method, path, body == null ? null : json(body));
            return new Answer(response.statusCode(), response.body());
        }
        ResponseEntity<String> response = rest.withBasicAuth(user, user).exchange("/engine-rest" + path,
                HttpMethod.valueOf(method), body == null ? null : RestClients.json(body), String.class);
        return new Answer(response.getStatusCode().value(), response.getBody());
    }

    Answer post(Door door, String user, String path, Object body) {
        return call(door, user, "POST", path, body);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
