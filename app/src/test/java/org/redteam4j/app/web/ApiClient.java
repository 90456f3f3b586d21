package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.redteam4j.core.format.Json;

/** A person using the JSON API: their own cookies, and their session's CSRF token on every change. */
final class ApiClient {

    record Response(int status, JsonNode body) {
    }

    private final WorkbenchServer server;
    private final HttpClient http;
    private String csrf;

    ApiClient(WorkbenchServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    ApiClient login(String name, String password) {
        Response response = post("/api/login", Json.mapper().createObjectNode().put("name", name).put("password", password));
        if (response.status() != 200) {
            throw new AssertionError("login failed: " + response.body());
        }
        csrf = response.body().get("csrf_token").asText();
        return this;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).GET());
    }

    Response post(String path, ObjectNode body) {
        return postWithToken(path, body, csrf);
    }

    Response postWithToken(String path, ObjectNode body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("X-CSRF-Token", token);
        }
        return send(request);
    }

    /** Posts a page's form (urlencoded, the CSRF token in the header); the answer's body is the page, as text. */
    Response postForm(String path, String form) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), Json.mapper().getNodeFactory().textNode(response.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String csrf() {
        return csrf;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text.startsWith("{") || text.startsWith("[") ? Json.mapper().readTree(text) : Json.mapper().createObjectNode();
            return new Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
