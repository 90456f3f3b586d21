package org.redteam4j.models.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.ServerErrorException;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKey;
import org.redteam4j.models.http.Conversations;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;

class AnthropicChatModelTest {

    LoopbackServer server;
    AnthropicChatModel model;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        model = new AnthropicChatModel("claude-test", server.url(""), ApiKey.of("sk-ant-secret"), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheMessagesApiRequest() {
        server.then(Script.json("""
                {"model": "claude-test", "content": [{"type": "text", "text": "ok"}], "stop_reason": "end_turn",
                 "usage": {"input_tokens": 12, "output_tokens": 1}}"""));

        model.chat(Conversations.twoTurns(new Sampling(0.5, 0.8, null, 1, null, List.of("END"))));

        LoopbackServer.Received request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("sk-ant-secret");
        assertThat(request.header("anthropic-version")).isEqualTo(AnthropicChatModel.API_VERSION);
        JsonNode body = request.json();
        assertThat(body.get("system").asText()).isEqualTo("Be brief.");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(AnthropicChatModel.DEFAULT_MAX_TOKENS);
        assertThat(body.get("messages")).hasSize(3);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.8);
        assertThat(body.at("/stop_sequences/0").asText()).isEqualTo("END");
    }

    @Test
    void mergesTurnsOfOneSpeakerBecauseTheApiRequiresAlternation() {
        server.then(Script.json("{\"content\": [{\"type\": \"text\", \"text\": \"ok\"}]}"));

        model.chat(ChatRequest.of(List.of(Turn.human("one"), Turn.human("two"), Turn.assistant("a"), Turn.human("three")),
                Sampling.DEFAULT));

        JsonNode messages = server.lastRequest().json().get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.at("/0/content").asText()).isEqualTo("one\n\ntwo");
    }

    @Test
    void readsTextBlocksAndUsage() {
        server.then(Script.json("""
                {"model": "claude-test-2", "content": [{"type": "text", "text": "Hello"}, {"type": "text", "text": " there"}],
                 "stop_reason": "max_tokens", "usage": {"input_tokens": 12, "output_tokens": 2}}"""));

        ChatResponse response = model.chat(Conversations.twoTurns(Sampling.DEFAULT));

        assertThat(response.first().text()).isEqualTo("Hello there");
        assertThat(response.first().finishReason()).isEqualTo("max_tokens");
        assertThat(response.usage().inputTokens()).isEqualTo(12);
        assertThat(response.model()).isEqualTo("claude-test-2");
    }

    @Test
    void overloadedIsAServerError() {
        server.then(Script.status(529, "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\"}}"));

        assertThatThrownBy(() -> model.chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.status()).isEqualTo(529));
    }
}
