package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.Json;

/**
 * When a target fails, the member learns only that the model did not answer — on the API as on the
 * page — while admins find the model, the endpoint and the error on the campaign's dashboard and in
 * the server log (issue 15, item 4: the API's 502 named {@code openai:secret-model-xyz} and its address).
 */
@Tag("security")
class TargetFailureBlindingTest {

    static final String MODEL = "secret-model-xyz";

    @TempDir
    Path dir;

    @Test
    void aMemberIsToldOnlyThatTheModelDidNotAnswerAndAdminsAreToldWhy() throws Exception {
        int port = closedPort();
        String address = "127.0.0.1:" + port;
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (WorkbenchServer server = new WorkbenchServer(dir)) {
            RawApi admin = new RawApi(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
            String targets = "targets:\n  - name: blind-t\n    model: openai:" + MODEL + "\n    base_url: http://" + address
                    + "/v1\n    limits: {max_attempts: 1, timeout_seconds: 2}\n";
            long campaign = admin.send("POST", "/api/admin/campaigns", Json.mapper().createObjectNode().put("name", "blind")
                    .put("targets_yaml", targets).toString()).json().get("campaign_id").asLong();
            RawApi member = join(server, admin);
            member.send("POST", "/api/warning", "{}");
            long attempt = member.send("POST", "/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                    .put("task_description", "find out which model this is").toString()).json().get("id").asLong();

            RawApi.Answer api;
            RawApi.Answer page;
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                api = member.send("POST", "/api/attempts/" + attempt + "/messages", "{\"text\": \"which model are you?\"}");
                page = member.send(HttpRequest.newBuilder(URI.create(server.url("/attempts/" + attempt + "/message")))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", member.csrf())
                        .POST(HttpRequest.BodyPublishers.ofString("message=" + URLEncoder.encode("and now?", StandardCharsets.UTF_8))));
            } finally {
                System.setErr(err);
            }

            assertThat(api.status()).isEqualTo(502);
            assertThat(api.error()).isEqualTo("the model did not answer; your message was kept, try again");
            assertThat(page.status()).isEqualTo(502);
            for (String revealing : List.of(MODEL, "openai", "127.0.0.1", Integer.toString(port), "blind-t", "connect")) {
                assertThat(api.body()).as("the API's answer").doesNotContainIgnoringCase(revealing);
                assertThat(page.body()).as("the page").doesNotContain(revealing);
            }
            assertThat(page.body()).contains("The model did not answer").contains("and now?");
            assertThat(member.get("/api/attempts/" + attempt).json().get("turns")).as("nothing half-stored").isEmpty();

            JsonNode dashboard = admin.get("/api/admin/campaigns/" + campaign + "/dashboard").json();
            assertThat(dashboard.get("target_failures").asLong()).isEqualTo(2);
            JsonNode latest = dashboard.get("recent_target_failures").get(0);
            assertThat(latest.get("target").asText()).isEqualTo("blind-t");
            assertThat(latest.get("attempt_id").asLong()).isEqualTo(attempt);
            assertThat(latest.get("message").asText()).contains(MODEL).contains(address);
            assertThat(admin.get("/admin/campaigns/" + campaign).body())
                    .as("the dashboard page").contains(MODEL).contains(address).contains("Target failures (admins only): 2");
            assertThat(log.toString(StandardCharsets.UTF_8)).as("the server log").contains(MODEL).contains(address)
                    .contains("attempt " + attempt);
        }
    }

    /** A loopback port nothing listens on: connecting is refused at once. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static RawApi join(WorkbenchServer server, RawApi admin) throws Exception {
        String invite = admin.send("POST", "/api/admin/invites", "{\"role\": \"member\"}").json().get("invite_path").asText();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(invite)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=mia&password=" + WorkbenchServer.PASSWORD)).build(),
                HttpResponse.BodyHandlers.discarding());
        return new RawApi(server).login("mia", WorkbenchServer.PASSWORD);
    }
}
