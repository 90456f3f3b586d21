package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.Json;

/** Session fixation, logout, and the security headers on every page a signed-in admin can open. */
@Tag("security")
class SessionSecurityTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPlantedSessionCookieIsNeverAdoptedAndLogoutEndsTheSession() throws Exception {
        try (WorkbenchServer server = new WorkbenchServer(dir)) {
            String planted = "attacker-chosen-token-0123456789";
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
                    .header("Cookie", WebApp.SESSION_COOKIE + "=" + planted).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode().put("name", WorkbenchServer.ADMIN)
                            .put("password", WorkbenchServer.PASSWORD).toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String issued = sessionCookie(login);
            assertThat(issued).isNotBlank().isNotEqualTo(planted);
            assertThat(status(server, "/api/session", planted)).as("the planted token signs nobody in").isEqualTo(401);
            assertThat(status(server, "/api/session", issued)).isEqualTo(200);

            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
                    .header("Cookie", WebApp.SESSION_COOKIE + "=" + issued).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode().put("name", WorkbenchServer.ADMIN)
                            .put("password", WorkbenchServer.PASSWORD).toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sessionCookie(again)).as("each login gets a fresh token").isNotEqualTo(issued);

            ApiClient admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
            assertThat(admin.get("/api/session").status()).isEqualTo(200);
            admin.post("/api/logout", Json.mapper().createObjectNode());
            assertThat(admin.get("/api/session").status()).as("after logout").isEqualTo(401);
        }
    }

    @Test
    void everyPageASignedInAdminOpensCarriesTheSecurityHeaders() throws Exception {
        try (WorkbenchServer server = new WorkbenchServer(dir)) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode().put("name", WorkbenchServer.ADMIN)
                            .put("password", WorkbenchServer.PASSWORD).toString())).build(), HttpResponse.BodyHandlers.ofString());
            String session = sessionCookie(login);
            for (String path : List.of("/", "/login", "/tasks", "/review", "/admin", "/admin/members", "/admin/campaigns/new",
                    "/admin/campaigns/1", "/attempts/1", "/api/session", "/api/campaigns", "/static/app.js", "/nowhere")) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Cookie", WebApp.SESSION_COOKIE + "=" + session).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValue(SecurityHeaders.CSP);
                assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
                assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(page.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            }
        }
    }

    private int status(WorkbenchServer server, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Cookie", WebApp.SESSION_COOKIE + "=" + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(WebApp.SESSION_COOKIE + "="))
                .map(c -> c.substring(WebApp.SESSION_COOKIE.length() + 1, c.indexOf(';'))).findFirst().orElse("");
    }
}
