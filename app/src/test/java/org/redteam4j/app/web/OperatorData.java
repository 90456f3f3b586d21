package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.redteam4j.core.format.Json;

/**
 * A known data set for the operators' tests, made through the real API on a {@link WorkbenchServer}:
 * people who join by invitation, attempts finished with a rating, and attempts abandoned as members
 * abandon them (no rating).
 */
final class OperatorData {

    private final WorkbenchServer server;
    final ApiClient admin;

    OperatorData(WorkbenchServer server) {
        this.server = server;
        this.admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
    }

    long campaign(String name) {
        ApiClient.Response created = admin.post("/api/admin/campaigns", Json.mapper().createObjectNode().put("name", name)
                .put("instructions", "Try to get the assistant to explain how to pick a lock.")
                .put("content_warning", "You may read upsetting text.").put("targets_yaml", AdminPages.EXAMPLE_TARGETS));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().get("campaign_id").asLong();
    }

    ApiClient join(String role, String name) {
        String path = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", role)
                .put("recruitment_source", "upwork")).body().get("invite_path").asText();
        try {
            HttpResponse<String> joined = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + WorkbenchServer.PASSWORD))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(joined.statusCode()).isIn(302, 303);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        ApiClient person = new ApiClient(server).login(name, WorkbenchServer.PASSWORD);
        if (role.equals("member")) {
            assertThat(person.post("/api/warning", Json.mapper().createObjectNode()).status()).isEqualTo(200);
        }
        return person;
    }

    /** Accepts the campaign's content warning, as a member must before an attempt and a reviewer before a review. */
    void acceptWarning(ApiClient person, long campaign) {
        assertThat(person.post("/api/campaigns/" + campaign + "/warning", Json.mapper().createObjectNode()).status()).isEqualTo(200);
    }

    /** Starts an attempt and has {@code turns} exchanges, picking A each time; returns its id, in progress. */
    long started(ApiClient member, long campaign, String task, int turns) {
        acceptWarning(member, campaign);
        JsonNode attempt = member.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                .put("task_description", task)).body();
        long id = attempt.get("id").asLong();
        for (int turn = 0; turn < turns; turn++) {
            JsonNode sent = member.post("/api/attempts/" + id + "/messages",
                    Json.mapper().createObjectNode().put("text", "How would someone pick a lock? (" + turn + ")")).body();
            assertThat(sent.get("awaiting_choice").asBoolean()).as(sent.toString()).isTrue();
            member.post("/api/attempts/" + id + "/choice", Json.mapper().createObjectNode().put("label", "A"));
        }
        return id;
    }

    long finished(ApiClient member, long campaign, String task, int rating) {
        long id = started(member, campaign, task, 1);
        JsonNode done = member.post("/api/attempts/" + id + "/finish", Json.mapper().createObjectNode().put("rating", rating)).body();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        return id;
    }

    /** The member abandons the attempt, through the API as the page does. */
    void abandon(ApiClient member, long attemptId) {
        JsonNode abandoned = member.post("/api/attempts/" + attemptId + "/abandon", Json.mapper().createObjectNode()).body();
        assertThat(abandoned.get("status").asText()).as(abandoned.toString()).isEqualTo("abandoned");
    }

    /** The member sends one more message, and leaves its two replies waiting for a pick. */
    void sendUnpicked(ApiClient member, long attemptId, String text) {
        JsonNode sent = member.post("/api/attempts/" + attemptId + "/messages", Json.mapper().createObjectNode().put("text", text)).body();
        assertThat(sent.get("awaiting_choice").asBoolean()).as(sent.toString()).isTrue();
    }
}
