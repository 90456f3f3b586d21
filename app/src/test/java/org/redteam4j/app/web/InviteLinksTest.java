package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.workbench.MutableClock;
import org.redteam4j.core.format.Json;

/** Invitation links expire, can be revoked, and never take their host from the request (issue 15, item 8). */
@Tag("security")
class InviteLinksTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLinkWorksForSevenDaysAndNoLonger() throws Exception {
        MutableClock clock = new MutableClock();
        try (WorkbenchServer server = new WorkbenchServer(dir.resolve("w.db").toString(), clock, WebOptions.defaults())) {
            ApiClient admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
            String early = invite(admin);
            String late = invite(admin);
            assertThat(admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member")).body()
                    .get("expires_in_days").asLong()).isEqualTo(7);

            clock.advance(Duration.ofDays(7).minusMinutes(1));
            assertThat(join(server, early, "early-bird").statusCode()).as("just before it expires").isIn(302, 303);
            clock.advance(Duration.ofMinutes(2));
            HttpResponse<String> expired = join(server, late, "late-comer");
            assertThat(expired.statusCode()).isEqualTo(404);
            assertThat(expired.body()).contains("expired");
            assertThat(admin.get("/api/admin/invites").body()).as("expired links are not listed as open").isEmpty();
        }
    }

    @Test
    void anAdminRevokesALinkAndNobodyElseCan() throws Exception {
        try (WorkbenchServer server = new WorkbenchServer(dir)) {
            ApiClient admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
            String path = invite(admin);
            String other = invite(admin);
            assertThat(join(server, other, "member-one").statusCode()).isIn(302, 303);
            ApiClient member = new ApiClient(server).login("member-one", WorkbenchServer.PASSWORD);

            var open = admin.get("/api/admin/invites").body();
            assertThat(open).hasSize(1);
            long id = open.get(0).get("id").asLong();
            assertThat(member.post("/api/admin/invites/" + id + "/revoke", Json.mapper().createObjectNode()).status()).isEqualTo(403);
            assertThat(admin.post("/api/admin/invites/" + id + "/revoke", Json.mapper().createObjectNode()).status()).isEqualTo(200);
            assertThat(admin.post("/api/admin/invites/" + id + "/revoke", Json.mapper().createObjectNode()).status())
                    .as("twice").isEqualTo(404);

            HttpResponse<String> revoked = join(server, path, "too-late");
            assertThat(revoked.statusCode()).isEqualTo(404);
            assertThat(revoked.body()).contains("revoked");
            assertThat(admin.get("/api/admin/invites").body()).isEmpty();
        }
    }

    @Test
    void linksComeFromThePublicUrlOrTheBoundAddressNeverFromTheHostHeader() throws Exception {
        WebOptions pub = new WebOptions(TrustedProxies.none(), Optional.of(URI.create("https://redteam.example.org/")));
        try (WorkbenchServer server = new WorkbenchServer(dir.resolve("public.db").toString(), java.time.Clock.systemUTC(), pub)) {
            String page = invitePageWithHost(server, "evil.example");
            assertThat(page).contains("https://redteam.example.org/invite/").doesNotContain("evil.example");
            assertThat(new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD)
                    .post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member")).body().get("invite_url").asText())
                    .startsWith("https://redteam.example.org/invite/");
        }
        try (WorkbenchServer server = new WorkbenchServer(dir.resolve("bound.db").toString(), java.time.Clock.systemUTC(),
                WebOptions.defaults())) {
            assertThat(invitePageWithHost(server, "evil.example")).contains("http://127.0.0.1:" + server.app.port() + "/invite/")
                    .doesNotContain("evil.example");
        }
    }

    /**
     * The invitations page after making a link (the form redirects there, and the page shows the link
     * once), both asked for with a forged Host header (HttpClient may not set Host, so a raw socket).
     */
    private String invitePageWithHost(WorkbenchServer server, String host) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode()
                        .put("name", WorkbenchServer.ADMIN).put("password", WorkbenchServer.PASSWORD).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(WebApp.SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String csrf = Json.mapper().readTree(login.body()).get("csrf_token").asText();
        String body = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&role=member";
        String posted = raw(server, "POST /admin/invites HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + session
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(posted).as("made a link and redirected to the page showing it").startsWith("HTTP/1.1 303")
                .contains("Location: /admin/invites").doesNotContain("/invite/");
        String page = raw(server, "GET /admin/invites HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + session
                + "\r\nConnection: close\r\n\r\n");
        assertThat(page).startsWith("HTTP/1.1 200").contains("invite-link");
        String reloaded = raw(server, "GET /admin/invites HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + session
                + "\r\nConnection: close\r\n\r\n");
        assertThat(reloaded).as("shown once: a reload neither shows it again nor makes another").doesNotContain("id=\"invite-link\"");
        return page;
    }

    private static String raw(WorkbenchServer server, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String invite(ApiClient admin) {
        return admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member")).body().get("invite_path").asText();
    }

    private HttpResponse<String> join(WorkbenchServer server, String path, String name) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + WorkbenchServer.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
