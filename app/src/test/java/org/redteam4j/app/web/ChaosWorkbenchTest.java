package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.ChaosServer.Fault;
import org.redteam4j.models.http.ChaosServer;

/**
 * A red team member chatting with a model whose endpoint is having a bad day: every message
 * either gets its two replies or a clear "try again", and the conversation keeps exactly the
 * turns that were answered — none lost, none twice, none half.
 */
@Tag("reliability")
class ChaosWorkbenchTest {

    @TempDir
    Path dir;

    @Test
    void theConversationKeepsExactlyTheAnsweredTurns() throws Exception {
        Map<Fault, Integer> weights = new java.util.EnumMap<>(ChaosServer.everyFault());
        weights.put(Fault.ANSWER, 4);
        weights.put(Fault.HANG, 0);
        try (WorkbenchServer server = new WorkbenchServer(dir);
             ChaosServer chaos = new ChaosServer(5, weights, Duration.ofSeconds(1), Duration.ofMillis(200))) {
            ApiClient admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
            String targets = "targets:\n  - name: flaky\n    model: openai:m\n    base_url: " + chaos.baseUrl()
                    + "\n    limits: {max_attempts: 1, timeout_seconds: 2}\n";
            long campaign = admin.post("/api/admin/campaigns", Json.mapper().createObjectNode().put("name", "chaos")
                    .put("targets_yaml", targets).put("daily_cap", 100)).body().get("campaign_id").asLong();
            String invite = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member"))
                    .body().get("invite_path").asText();
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(invite)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=mia&password=" + WorkbenchServer.PASSWORD)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            ApiClient member = new ApiClient(server).login("mia", WorkbenchServer.PASSWORD);
            member.post("/api/warning", Json.mapper().createObjectNode());
            long attempt = member.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                    .put("task_description", "See whether a flaky model loses my turns")).body().get("id").asLong();

            List<String> answered = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < 30; i++) {
                String text = "message " + i;
                ApiClient.Response sent = member.post("/api/attempts/" + attempt + "/messages",
                        Json.mapper().createObjectNode().put("text", text));
                if (sent.status() == 200) {
                    JsonNode last = sent.body().get("turns").get(sent.body().get("turns").size() - 1);
                    assertThat(last.get("candidates")).as("both replies of %s", text).hasSize(2);
                    assertThat(member.post("/api/attempts/" + attempt + "/choice",
                            Json.mapper().createObjectNode().put("label", "A")).status()).isEqualTo(200);
                    answered.add(text);
                } else {
                    assertThat(sent.status()).as(sent.body().toString()).isEqualTo(502);
                    assertThat(sent.body().toString()).contains("your message was kept, try again");
                    failed++;
                }
            }

            assertThat(failed).as("the endpoint failed some turns: %s", chaos.counts()).isPositive();
            assertThat(answered).as("and answered others").isNotEmpty();
            JsonNode turns = member.get("/api/attempts/" + attempt).body().get("turns");
            List<String> humans = new ArrayList<>();
            int assistants = 0;
            for (JsonNode turn : turns) {
                if (turn.get("speaker").asText().equals("human")) {
                    humans.add(turn.get("text").asText());
                } else {
                    assistants++;
                    assertThat(turn.get("text").asText()).as("an answered turn has its chosen reply").isNotBlank();
                }
            }
            assertThat(humans).as("exactly the answered messages, in order").isEqualTo(answered);
            assertThat(assistants).isEqualTo(answered.size());
        }
    }
}
