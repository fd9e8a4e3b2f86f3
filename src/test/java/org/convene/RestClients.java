package org.convene;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the app's REST API as a given demo user (password = user id; demo/demo). */
public final class RestClients {

    private final TestRestTemplate rest;

    public RestClients(TestRestTemplate rest) {
        this.rest = rest;
    }

    public TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }

    public TestRestTemplate anonymous() {
        return rest;
    }

    public static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        return new HttpEntity<>(body, headers);
    }

    public ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.POST, json(body), new ParameterizedTypeReference<>() { });
    }

    /** Camunda REST variables: {"name": {"value": v}}. */
    public static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("value", value);
            if (value instanceof java.util.List<?>) {
                typed.put("value", toJson(value));
                typed.put("type", "Json");
            }
            variables.put((String) namesAndValues[i], typed);
        }
        return variables;
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
