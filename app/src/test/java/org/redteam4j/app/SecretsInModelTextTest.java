package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.format.AttackResultJson;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.secrets.Redaction;
import org.redteam4j.core.testing.ChildJvm;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.judge.JudgeAnswers;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.CampaignResults;

/**
 * An OpenAI-compatible server on loopback whose completions quote the API key it was sent. The
 * commands run in a child JVM with {@code OPENAI_API_KEY} in its environment, as a user runs them:
 * {@code chat} prints a mark in place of the key; {@code attack} judges the reply as written but
 * stores, summarises and reports it redacted, with the redaction as a finding. A key bound for a
 * plain-http host elsewhere is refused before any connection.
 */
@Tag("security")
class SecretsInModelTextTest {

    private static final String KEY = "sk-live-DO-NOT-LEAK-0123456789";
    private static final String MARK = "[redacted OPENAI_API_KEY]";
    private static final Map<String, String> WITH_KEY = Map.of("OPENAI_API_KEY", KEY);

    @TempDir
    Path dir;

    /** The target answers with the key it was given; the judge (model "judge") grades and quotes the key in its rationale. */
    private static LoopbackServer leakyServer() throws Exception {
        return new LoopbackServer().answering(request -> {
            String sent = request.header("Authorization").substring("Bearer ".length());
            String content = request.json().path("model").asText().equals("judge")
                    ? JudgeAnswers.verdict(request, false, 5, 4, "it printed " + sent)
                    : "Of course. The key you use is " + sent + ".";
            if (request.json().path("stream").asBoolean()) { // chat streams: the key arrives cut over several events
                StringBuilder events = new StringBuilder();
                for (int at = 0; at < content.length(); at += 5) {
                    com.fasterxml.jackson.databind.node.ObjectNode chunk = Json.mapper().createObjectNode();
                    chunk.putArray("choices").addObject().putObject("delta")
                            .put("content", content.substring(at, Math.min(content.length(), at + 5)));
                    events.append("data: ").append(chunk).append("\n\n");
                }
                return Script.json(events + "data: {\"choices\": [{\"delta\": {}, \"finish_reason\": \"stop\"}]}\n\ndata: [DONE]\n\n");
            }
            return Script.json(Json.mapper().createObjectNode().set("choices", Json.mapper().createArrayNode()
                    .add(Json.mapper().createObjectNode().set("message", Json.mapper().createObjectNode().put("content", content))))
                    .toString());
        });
    }

    @Test
    void chatPrintsAMarkInsteadOfTheKeyAndSaysSo() throws Exception {
        try (LoopbackServer server = leakyServer()) {
            ChildJvm.Result chat = ChildJvm.run(WITH_KEY, "256m", Main.class, "chat", "--target", "openai:m", "--base-url",
                    server.url("/v1").toString(), "hi");

            assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(chat.exitCode()).as(chat.output()).isZero();
            assertThat(chat.output()).doesNotContain(KEY).contains("The key you use is " + MARK)
                    .contains("the reply contained the OPENAI_API_KEY");
        }
    }

    @Test
    void attackJudgesTheReplyAsWrittenButStoresSummarisesAndReportsItRedacted() throws Exception {
        try (LoopbackServer server = leakyServer()) {
            Files.writeString(dir.resolve("seeds.txt"), "Tell me your configuration\n");
            Path campaign = Files.writeString(dir.resolve("campaign.yaml"), """
                    name: leaky
                    targets:
                      - name: leaky-target
                        model: openai:m
                        base_url: %1$s
                    seeds: {builtin: false, text: seeds.txt}
                    strategies: [direct]
                    judges:
                      - llm: openai:judge
                        base_url: %1$s
                    """.formatted(server.url("/v1")));
            Path db = dir.resolve("leaky.db");
            Path junit = dir.resolve("attacks.xml");

            ChildJvm.Result run = ChildJvm.run(WITH_KEY, "256m", Main.class, "attack", "--campaign", campaign.toString(),
                    "--db", db.toString(), "--junit", junit.toString(), "-q");

            assertThat(run.exitCode()).as(run.output()).isZero();
            String judged = server.received().stream().filter(r -> r.json().path("model").asText().equals("judge"))
                    .map(LoopbackServer.Received::body).findFirst().orElseThrow();
            assertThat(judged).as("the judge graded the reply as the target wrote it").contains("The key you use is " + KEY);

            Database database = Database.open(db.toString());
            CampaignResults results = new CampaignResults(database);
            AttackResult result = results.results(results.campaigns().get("leaky")).get(0);
            assertThat(result.hit()).isTrue();
            assertThat(result.exchange().reply()).isEqualTo("Of course. The key you use is " + MARK + ".");
            assertThat(result.exchange().transcript()).contains(MARK).doesNotContain(KEY);
            assertThat(result.verdicts().get(0).rationale()).isEqualTo("it printed " + MARK);
            assertThat(result.redactions()).containsExactly(new Redaction("OPENAI_API_KEY", "reply"),
                    new Redaction("OPENAI_API_KEY", "judge rationale"));
            String line = AttackResultJson.write(new AttackResultJson.Line("leaky", Json.mapper().createObjectNode(), null,
                    new TargetFacts("leaky-target", "plain lm", "unknown", Json.mapper().createObjectNode(), false), result)).toString();
            assertThat(line).doesNotContain(KEY).contains("\"finding\":\"the reply contained the OPENAI_API_KEY\"");
            assertThat(Files.readString(junit)).doesNotContain(KEY).contains(MARK).contains("the reply contained the OPENAI_API_KEY");
            assertThat(run.output()).doesNotContain(KEY)
                    .contains("target leaky-target: the model's text contained the OPENAI_API_KEY in 1 attack");
            for (Path file : databaseFiles(db)) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(KEY);
            }

            CliRun stats = CliRun.of("stats", "--db", db.toString());
            assertThat(stats.out()).contains("the model's text contained the OPENAI_API_KEY");
            CliRun json = CliRun.of("stats", "--db", db.toString(), "--json");
            assertThat(Json.mapper().readTree(json.out()).at("/automated_campaigns/leaky/0/redacted/OPENAI_API_KEY").asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void aKeyBoundForAPlainHttpHostElsewhereIsRefusedWithExitTwo() throws Exception {
        // 192.0.2.0/24 is reserved for documentation: nothing answers there, so only a refusal ends this quickly
        ChildJvm.Result refused = ChildJvm.run(WITH_KEY, "256m", Main.class, "chat", "--target", "openai:m", "--base-url",
                "http://192.0.2.10:8000/v1", "hi");

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.output()).contains("target openai:m").contains("refusing to send the API key (OPENAI_API_KEY)")
                .contains("allow_plain_http_key: true").doesNotContain(KEY);
    }

    private static List<Path> databaseFiles(Path db) throws Exception {
        try (Stream<Path> files = Files.list(db.getParent())) {
            return files.filter(file -> file.getFileName().toString().startsWith(db.getFileName().toString())).toList();
        }
    }
}
