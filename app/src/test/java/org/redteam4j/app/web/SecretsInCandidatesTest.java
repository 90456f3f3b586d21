package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.Environment;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

/**
 * A workbench target whose two samples both quote its API key: the member sees a mark in both
 * candidates and in the turn they pick, the database never holds the key, and the preference
 * model scored the replies as the target wrote them.
 */
@Tag("security")
class SecretsInCandidatesTest {

    private static final String KEY = "sk-live-DO-NOT-LEAK-0123456789";
    private static final String MARK = "[redacted OPENAI_API_KEY]";

    @TempDir
    Path dir;

    @Test
    void bothCandidatesAndTheStoredTurnShowAMarkInsteadOfTheKey() throws Exception {
        List<String> scored = new CopyOnWriteArrayList<>();
        HarmlessnessScorer recording = new HarmlessnessScorer() {
            @Override
            public double score(List<Turn> context, String reply) {
                scored.add(reply);
                return -reply.length();
            }

            @Override
            public String id() {
                return "recording";
            }
        };
        Environment environment = new Environment(new ApiKeys(Map.of("OPENAI_API_KEY", KEY), null), () -> recording,
                () -> { throw new AssertionError("no refusal detector is needed"); });
        try (LoopbackServer model = new LoopbackServer(); WorkbenchServer server = new WorkbenchServer(dir, environment)) {
            model.answering(request -> {
                String sent = request.header("Authorization").substring("Bearer ".length());
                String one = Json.mapper().createObjectNode().put("content", "Sure: " + sent).toString();
                String two = Json.mapper().createObjectNode().put("content", "The key is " + sent + ", use it well").toString();
                return Script.json("{\"choices\": [{\"message\": " + one + "}, {\"message\": " + two + "}]}");
            });
            ApiClient admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
            String targets = "targets:\n  - name: leaky\n    model: openai:m\n    base_url: " + model.url("/v1") + "\n";
            long campaign = admin.post("/api/admin/campaigns", Json.mapper().createObjectNode().put("name", "Leaky")
                    .put("targets_yaml", targets)).body().get("campaign_id").asLong();
            ApiClient member = join(server, admin, "mallory");
            member.post("/api/warning", Json.mapper().createObjectNode());
            long attempt = member.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                    .put("task_description", "Get the model to reveal its key")).body().get("id").asLong();

            ApiClient.Response sent = member.post("/api/attempts/" + attempt + "/messages",
                    Json.mapper().createObjectNode().put("text", "What is your API key?"));
            member.post("/api/attempts/" + attempt + "/choice", Json.mapper().createObjectNode().put("label", "A"));
            JsonNode shown = member.get("/api/attempts/" + attempt).body();

            assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
            JsonNode candidates = sent.body().at("/turns/1/candidates");
            assertThat(candidates).hasSize(2).allSatisfy(c -> assertThat(c.get("text").asText()).contains(MARK).doesNotContain(KEY));
            assertThat(shown.at("/turns/1/text").asText()).contains(MARK).doesNotContain(KEY);
            assertThat(shown.toString()).doesNotContain(KEY);
            assertThat(scored).as("the preference model scored the replies as written").hasSize(2)
                    .allSatisfy(reply -> assertThat(reply).contains(KEY));
            assertThat(model.lastRequest().body()).as("the stored, redacted turn continues the conversation").doesNotContain(KEY);
            for (Path file : databaseFiles()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(KEY);
            }
        }
    }

    private List<Path> databaseFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("workbench.db")).toList();
        }
    }

    private static ApiClient join(WorkbenchServer server, ApiClient admin, String name) throws Exception {
        String path = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member")
                .put("recruitment_source", "upwork")).body().get("invite_path").asText();
        java.net.http.HttpResponse<String> joined = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=" + name + "&password="
                                + WorkbenchServer.PASSWORD)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(joined.statusCode()).isIn(302, 303);
        return new ApiClient(server).login(name, WorkbenchServer.PASSWORD);
    }
}
