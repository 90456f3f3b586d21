package org.redteam4j.models.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatModelContract;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.ServerErrorException;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKey;
import org.redteam4j.models.http.Conversations;
import org.redteam4j.models.http.FakeReply;
import org.redteam4j.models.http.HttpChatModelContract;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;

class AnthropicChatModelTest extends HttpChatModelContract
        implements ChatModelContract.ReportsFinishReason, ChatModelContract.StopsAtMaxTokens {

    static final String KEY = "sk-ant-secret";

    AnthropicChatModel model;

    AnthropicChatModelTest() {
        super(KEY);
    }

    @BeforeEach
    void start() {
        model = modelAt(server.url(""));
    }

    @Override
    public AnthropicChatModel modelAt(URI root) {
        return new AnthropicChatModel("claude-test", root, ApiKey.of(KEY), Duration.ofSeconds(5));
    }

    /** The Messages API: {@code max_tokens} required and honoured, roles alternating from the user's, usage counted. */
    @Override
    protected Script serve(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (!body.path("max_tokens").canConvertToInt()) {
            return badRequest("max_tokens: Field required");
        }
        if (messages.isEmpty()) {
            return badRequest("messages: at least one message is required");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).path("role").asText().equals(i % 2 == 0 ? "user" : "assistant")) {
                return badRequest("messages: roles must alternate between user and assistant, starting with user");
            }
        }
        FakeReply reply = FakeReply.draw(null, body.get("max_tokens"), 0);
        ObjectNode answer = Json.mapper().createObjectNode().put("id", "msg_loopback").put("type", "message")
                .put("role", "assistant").put("model", body.path("model").asText())
                .put("stop_reason", reply.cut() ? "max_tokens" : "end_turn");
        answer.putArray("content").addObject().put("type", "text").put("text", reply.text());
        answer.putObject("usage").put("input_tokens", FakeReply.promptTokens(messages, body.path("system").asText(null)))
                .put("output_tokens", reply.tokens());
        return Script.json(answer.toString());
    }

    @Test
    void sendsTheMessagesApiRequest() {
        server.then(Script.json("""
                {"model": "claude-test", "content": [{"type": "text", "text": "ok"}], "stop_reason": "end_turn",
                 "usage": {"input_tokens": 12, "output_tokens": 1}}"""));

        model.chat(Conversations.twoTurns(new Sampling(0.5, 0.8, null, 1, null, List.of("END"))));

        LoopbackServer.Received request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
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
