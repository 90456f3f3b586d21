package org.redteam4j.config.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.intervention.HhhPrompt;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.templated.TemplatedHttpChatModel;

class HttpTargetsTest {

    private static final String TOKEN = "tok-config-test-77";
    private final TargetFactory factory = new TargetFactory(new ApiKeys(Map.of("BOT_TOKEN", TOKEN), null), () -> null);

    private static TargetConfig declared(String yaml) {
        return TargetsFile.parse("targets:\n" + yaml, "targets.yaml").get(0);
    }

    private static String supportBot(String url, String extra) {
        return """
                  - name: support-bot
                    model: http
                    http:
                      url: URL
                      method: POST
                      headers: {Authorization: "Bearer ${BOT_TOKEN}"}
                      body: '{"session": "{{session}}", "message": {{prompt|json}}, "history": {{messages|json}}}'
                      reply: $.answer
                      session: {from: $.session_id}
                """.replace("URL", url) + extra;
    }

    @Test
    void buildsAnHttpTargetFromItsDeclarationAndTalksToTheApplication() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.answering(request -> Script.json("{\"answer\": \"hello from the bot\", \"session_id\": \"srv-1\"}"));
            TargetConfig config = declared(supportBot(server.url("/api/chat").toString(),
                    "    limits: {max_attempts: 1, concurrency: 1}\n    intervention: prompted\n"));

            try (Target target = factory.create(config)) {
                String reply = target.model().chat(new ChatRequest(null, List.of(Turn.human("hi")), Sampling.DEFAULT))
                        .first().text();

                assertThat(reply).isEqualTo("hello from the bot");
                assertThat(target.model()).isInstanceOf(HhhPrompt.class);
                assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer " + TOKEN);
                assertThat(server.lastRequest().json().get("message").asText()).isEqualTo("hi");
                assertThat(target.facts().config().toString()).contains("${BOT_TOKEN}").doesNotContain(TOKEN);
            }
            try (Target bare = factory.create(declared(supportBot(server.url("/api/chat").toString(), "")))) {
                assertThat(bare.model()).isInstanceOf(TemplatedHttpChatModel.class);
                assertThat(bare.model().id()).isEqualTo("http:" + server.url("/api/chat"));
                assertThat(bare.model().takesDocuments()).isFalse();
            }
        }
    }

    @Test
    void rejectionSamplingOnAnApplicationThatKeepsTheConversationIsRefused() {
        assertThatThrownBy(() -> factory.create(declared(supportBot("http://127.0.0.1:9/api",
                "    intervention: rejection-sampling\n    samples: 3\n"))))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("target support-bot: intervention: rejection-sampling draws several replies");
    }

    @Test
    void anInterventionsPreambleToATemplateWithoutASystemSlotFailsNamingTheTarget() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.answering(request -> Script.json("{\"answer\": \"ok\", \"session_id\": \"srv-1\"}"));
            String yaml = supportBot(server.url("/api/chat").toString(), "    intervention: plain\n")
                    .replace(", \"history\": {{messages|json}}", "");
            try (Target target = factory.create(declared(yaml))) {
                assertThatThrownBy(() -> target.model().chat(new ChatRequest(null, List.of(Turn.human("hi")), Sampling.DEFAULT)))
                        .isInstanceOf(org.redteam4j.core.chat.RequestRejectedException.class)
                        .hasMessageStartingWith("target support-bot: its http templates have no {{system}} or {{messages}} slot");
                assertThat(server.received()).isEmpty();
            }
        }
    }

    @Test
    void blockedStatusSystemAndSessionShorthandAreReadFromYaml() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.answering(request -> Script.json("{\"answer\": \"ok\", \"session_id\": \"srv-1\"}"));
            String yaml = supportBot(server.url("/api/chat").toString(), "")
                    .replace("      session: {from: $.session_id}\n", "      session: $.session_id\n"
                            + "      blocked_status: [403, 422]\n      system: ignore\n")
                    .replace(", \"history\": {{messages|json}}", "");
            try (Target target = factory.create(declared(yaml))) {
                String reply = target.model().chat(new ChatRequest("Be brief.", List.of(Turn.human("hi")), Sampling.DEFAULT))
                        .first().text();
                assertThat(reply).isEqualTo("ok");
                assertThat(server.lastRequest().body()).doesNotContain("Be brief.");
            }
        }
    }

    @Test
    void declarationMistakesAreConfigErrorsNamingTheTargetAndField() {
        String url = "http://127.0.0.1:9/api";
        assertThatThrownBy(() -> factory.create(declared("  - {name: support-bot, model: http}\n")))
                .isInstanceOf(BadInput.class).hasMessageContaining("target support-bot: model: http needs an http: block");
        assertThatThrownBy(() -> factory.create(declared(supportBot(url, "").replace("{{prompt|json}}", "{{question|json}}"))))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("target support-bot: http.body: unknown template variable 'question'");
        assertThatThrownBy(() -> factory.create(declared(supportBot(url, "").replace("{{session}}", "${BOT_TOKEN}"))))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("target support-bot: http.body: ${…} is not allowed")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> factory.create(declared(supportBot(url, "").replace("      url: " + url + "\n", ""))))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("target support-bot: http.url: missing");
        assertThatThrownBy(() -> factory.create(declared(supportBot(url, "").replace("      reply: $.answer\n", ""))))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("target support-bot: http.reply: missing");
        assertThatThrownBy(() -> factory.create(declared(supportBot(url, "").replace("model: http", "model: openai:gpt-4o"))))
                .isInstanceOf(BadInput.class).hasMessageContaining("an http: block is only read with model: http");
        assertThatThrownBy(() -> factory.create(declared(supportBot(url, "").replace("${BOT_TOKEN}", "${NO_SUCH_TOKEN}"))))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("target support-bot: http.headers.Authorization: ${NO_SUCH_TOKEN} is not set");
        assertThatThrownBy(() -> declared(supportBot(url, "").replace("      method: POST", "      metod: POST")))
                .isInstanceOf(BadInput.class).hasMessageContaining("line 6: unknown key 'metod' in targets[0].http");
    }

    @Test
    void aSecretIsNotSentOverPlainHttpToAnotherHostUnlessTheNetworkIsTrusted() {
        String remote = "http://192.0.2.10:8080/api";
        assertThatThrownBy(() -> factory.create(declared(supportBot(remote, ""))))
                .isInstanceOf(BadInput.class).hasMessageContaining("refusing to send BOT_TOKEN over plain http to 192.0.2.10")
                .hasMessageNotContaining(TOKEN);
        try (Target trusted = factory.create(declared(supportBot(remote, "    allow_plain_http_key: true\n")))) {
            assertThat(trusted.model().id()).isEqualTo("http:" + remote);
        }
        try (Target noSecret = factory.create(declared(supportBot(remote, "").replace(
                "      headers: {Authorization: \"Bearer ${BOT_TOKEN}\"}\n", "")))) {
            assertThat(noSecret.model().id()).isEqualTo("http:" + remote);
        }
    }
}
