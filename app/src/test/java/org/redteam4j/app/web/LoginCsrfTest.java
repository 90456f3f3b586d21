package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.Json;

/** Another site cannot sign a victim's browser into an account: login posts are checked for origin and type (issue 15, item 8). */
@Tag("security")
class LoginCsrfTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    @TempDir
    Path dir;

    private WorkbenchServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String form;
    private String json;

    @BeforeEach
    void start() {
        server = new WorkbenchServer(dir);
        form = "name=" + WorkbenchServer.ADMIN + "&password=" + WorkbenchServer.PASSWORD;
        json = Json.mapper().createObjectNode().put("name", WorkbenchServer.ADMIN).put("password", WorkbenchServer.PASSWORD).toString();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() throws Exception {
        for (String path : new String[] {"/login", "/api/login"}) {
            String type = path.startsWith("/api/") ? JSON : FORM;
            String body = path.startsWith("/api/") ? json : form;
            HttpResponse<String> evilOrigin = post(path, type, body, "Origin", "http://evil.example");
            assertThat(evilOrigin.statusCode()).as(path + " from another origin").isEqualTo(403);
            assertThat(evilOrigin.headers().allValues("Set-Cookie")).as("no session").noneMatch(c -> c.startsWith(WebApp.SESSION_COOKIE));
            assertThat(post(path, type, body, "Sec-Fetch-Site", "cross-site").statusCode()).as(path + " cross-site").isEqualTo(403);
            assertThat(post(path, type, body, "Sec-Fetch-Site", "same-site").statusCode()).as(path + " from a sibling site").isEqualTo(403);
            assertThat(post(path, type, body, "Origin", "null").statusCode()).as(path + " from an opaque origin").isEqualTo(403);
            assertThat(post(path, type, body, "Origin", "http://127.0.0.1:" + (server.app.port() + 1)).statusCode())
                    .as(path + " from another port").isEqualTo(403);
        }
        assertThat(post("/invite/anything", FORM, "name=x&password=y", "Origin", "http://evil.example").statusCode())
                .as("accepting an invitation signs in too").isEqualTo(403);
    }

    @Test
    void theJsonLoginRefusesBodiesAFormCouldSend() throws Exception {
        for (String type : new String[] {"text/plain", FORM, "multipart/form-data; boundary=x"}) {
            HttpResponse<String> refused = post("/api/login", type, json, null, null);
            assertThat(refused.statusCode()).as(type).isEqualTo(400);
            assertThat(Json.mapper().readTree(refused.body()).get("error").asText()).contains("application/json");
        }
    }

    @Test
    void theWorkbenchItselfAndScriptsStillSignIn() throws Exception {
        String self = "http://127.0.0.1:" + server.app.port();
        HttpResponse<String> fromForm = post("/login", FORM, form, "Origin", self);
        assertThat(fromForm.statusCode()).isIn(302, 303);
        assertThat(post("/api/login", JSON + "; charset=utf-8", json, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
        assertThat(post("/api/login", JSON, json, "Origin", self).statusCode()).isEqualTo(200);
        assertThat(post("/api/login", JSON, json, null, null).statusCode()).as("a script sends no Origin").isEqualTo(200);
        HttpResponse<String> chromium = http.send(HttpRequest.newBuilder(URI.create(server.url("/login"))).header("Content-Type", FORM)
                .header("Origin", "null").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chromium.statusCode()).as("Chromium's own form under Referrer-Policy: no-referrer").isIn(302, 303);
    }

    private HttpResponse<String> post(String path, String type, String body, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
