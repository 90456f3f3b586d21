package org.redteam4j.models.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatModelContract;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.MalformedResponseException;
import org.redteam4j.core.chat.RequestRejectedException;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.Conversations;
import org.redteam4j.models.http.FakeReply;
import org.redteam4j.models.http.HttpChatModelContract;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;

class OllamaChatModelTest extends HttpChatModelContract
        implements ChatModelContract.ReportsFinishReason, ChatModelContract.StopsAtMaxTokens, ChatModelContract.RepeatsForASeed {

    OllamaChatModel model;

    OllamaChatModelTest() {
        super(null);
    }

    @BeforeEach
    void start() {
        model = modelAt(server.url(""));
    }

    @Override
    public OllamaChatModel modelAt(URI root) {
        return new OllamaChatModel("llama3.2", root, Duration.ofSeconds(5));
    }

    /** {@code /api/chat} without streaming: {@code num_predict} and {@code seed} honoured, counts reported. */
    @Override
    protected Script serve(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (messages.isEmpty() || !rolesAre(messages, Set.of("system", "user", "assistant", "tool"))) {
            return badRequest("invalid message role");
        }
        JsonNode options = body.path("options");
        FakeReply reply = FakeReply.draw(options.get("seed"), options.get("num_predict"), 0);
        ObjectNode answer = Json.mapper().createObjectNode().put("model", body.path("model").asText())
                .put("created_at", "2026-01-01T00:00:00Z").put("done", true)
                .put("done_reason", reply.cut() ? "length" : "stop")
                .put("prompt_eval_count", FakeReply.promptTokens(messages, null)).put("eval_count", reply.tokens());
        answer.putObject("message").put("role", "assistant").put("content", reply.text());
        return Script.json(answer.toString());
    }

    @Test
    void sendsTheNativeChatRequestWithOptions() {
        server.then(Script.json("""
                {"model": "llama3.2", "message": {"role": "assistant", "content": "No."}, "done": true,
                 "done_reason": "stop", "prompt_eval_count": 20, "eval_count": 2}"""));

        ChatResponse response = model.chat(Conversations.twoTurns(Conversations.FULL.withSamples(1)));

        LoopbackServer.Received request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/api/chat");
        JsonNode body = request.json();
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.at("/options/top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.at("/options/num_predict").asInt()).isEqualTo(64);
        assertThat(body.at("/options/seed").asLong()).isEqualTo(42);
        assertThat(response.first().text()).isEqualTo("No.");
        assertThat(response.usage().inputTokens()).isEqualTo(20);
        assertThat(response.usage().outputTokens()).isEqualTo(2);
    }

    @Test
    void anUnknownModelIsRefusedAndAnEmptyBodyIsMalformed() {
        server.then(Script.status(404, "{\"error\": \"model 'llama3.2' not found\"}"), Script.json("{}"));

        assertThatThrownBy(() -> model.chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOf(RequestRejectedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> model.chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOf(MalformedResponseException.class);
    }
}
