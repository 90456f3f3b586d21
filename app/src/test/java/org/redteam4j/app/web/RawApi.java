package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.redteam4j.core.format.Json;

/**
 * A person sending the API whatever bytes they like: any method, any body, and the answer as it
 * came (status, content type, text), so a test can check the shape of errors, not just their codes.
 * Logged in, it sends its session's CSRF token on every request.
 */
final class RawApi {

    /** One answer as the server sent it. */
    record Answer(int status, String contentType, String body) {

        /** The body as JSON, or null when it is not JSON. */
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        /** The {@code error} of a JSON error body, or null when the body is anything else. */
        String error() {
            JsonNode json = json();
            return json != null && json.isObject() && json.path("error").isTextual() ? json.get("error").textValue() : null;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final WorkbenchServer server;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    RawApi(WorkbenchServer server) {
        this.server = server;
    }

    RawApi login(String name, String password) {
        Answer answer = send("POST", "/api/login", Json.mapper().createObjectNode().put("name", name)
                .put("password", password).toString());
        if (answer.status() != 200) {
            throw new AssertionError("login failed: " + answer);
        }
        csrf = answer.json().get("csrf_token").asText();
        return this;
    }

    String csrf() {
        return csrf;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    /** Sends {@code body} (none when null) as JSON with a Content-Length. */
    Answer send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return send(request);
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
