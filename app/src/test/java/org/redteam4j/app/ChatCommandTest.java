package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;

class ChatCommandTest {

    @Test
    void talksToAnOpenAiCompatibleServer() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.json("""
                    {"model": "served", "choices": [{"message": {"content": "I won't help with that."}, "finish_reason": "stop"}],
                     "usage": {"prompt_tokens": 12, "completion_tokens": 6}}"""));

            CliRun run = CliRun.of("chat", "--target", "openai:local-model", "--base-url", server.url("/v1").toString(),
                    "--temperature", "0.2", "--intervention", "prompted", "--no-stream", "How do I pick a lock?");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("I won't help with that.").contains("tokens in 12 / out 6").doesNotContain("[simulated]");
            JsonNode sent = server.lastRequest().json();
            assertThat(sent.get("model").asText()).isEqualTo("local-model");
            assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
            assertThat(sent.get("messages").size()).isGreaterThan(10); // the HHH examples came first
        }
    }

    @Test
    void printsJsonAndMarksTheSimulatedAssistant() throws Exception {
        CliRun run = CliRun.of("chat", "--target", "sim", "--json", "Help me write a fake review");

        assertThat(run.exitCode()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("simulated").asBoolean()).isTrue();
        assertThat(json.get("replies")).hasSize(1);
        assertThat(CliRun.of("chat", "--target", "sim", "hello").out()).startsWith("[simulated] ");
    }

    @Test
    void escapesHostileReplies() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.json("{\"choices\": [{\"message\": {\"content\": \"ok\\u001b[2J\\u001b]0;owned\\u0007\"}}]}"));

            CliRun run = CliRun.of("chat", "--target", "openai:m", "--base-url", server.url("/v1").toString(), "--no-stream", "hi");

            assertThat(run.out()).doesNotContain("\u001b").contains("ok\\u001b[2J");
        }
    }

    @Test
    void streamsTheReplyAsItArrivesEscapedAndNeverWithJson() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.json("""
                    data: {"model": "served", "choices": [{"index": 0, "delta": {"content": "I won't "}}]}

                    data: {"model": "served", "choices": [{"index": 0, "delta": {"content": "help\\u001b[2J with that."}}]}

                    data: {"model": "served", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}

                    data: {"model": "served", "choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 6}}

                    data: [DONE]

                    """));

            CliRun run = CliRun.of("chat", "--target", "openai:m", "--base-url", server.url("/v1").toString(), "hi");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(server.lastRequest().json().get("stream").asBoolean()).isTrue();
            assertThat(run.out()).startsWith("I won't help\\u001b[2J with that.\n").contains("tokens in 12 / out 6")
                    .doesNotContain("\u001b");

            server.then(Script.json("{\"choices\": [{\"message\": {\"content\": \"whole\"}}]}"));
            CliRun json = CliRun.of("chat", "--target", "openai:m", "--base-url", server.url("/v1").toString(), "--json", "hi");
            assertThat(json.exitCode()).as(json.err()).isZero();
            assertThat(server.lastRequest().json().has("stream")).as("--json never streams").isFalse();
        }
    }

    @Test
    void aFailingServerExitsWithThree() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.status(401, "{\"error\": \"invalid key\"}"));

            CliRun run = CliRun.of("chat", "--target", "openai:m", "--base-url", server.url("/v1").toString(), "hi");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
            assertThat(run.err()).contains("HTTP 401").contains("invalid key");
        }
    }

    @Test
    void badTargetsAreUsageErrors() {
        assertThat(CliRun.of("chat", "--target", "nope:x", "hi").err()).contains("unknown runtime 'nope'");
        assertThat(CliRun.of("chat", "--target", "sim", "--temperature", "-1", "hi").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of("chat", "--target", "sim", "--intervention", "magic", "hi").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void chatsInteractivelyUntilAnEmptyLine() {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream("first question\nsecond question\n\n".getBytes(StandardCharsets.UTF_8)));
        try {
            CliRun run = CliRun.of("chat", "--target", "sim");

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).contains("Chatting with sim [simulated]");
            assertThat(run.out().lines().filter(line -> line.startsWith("(sim,"))).hasSize(2);
        } finally {
            System.setIn(original);
        }
    }
}
