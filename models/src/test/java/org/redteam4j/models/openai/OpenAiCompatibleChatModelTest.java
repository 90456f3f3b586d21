package org.redteam4j.models.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatModelContract;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.MalformedResponseException;
import org.redteam4j.core.chat.ModelTimeoutException;
import org.redteam4j.core.chat.RateLimitedException;
import org.redteam4j.core.chat.RequestRejectedException;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.ServerErrorException;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.ApiKey;
import org.redteam4j.models.http.Conversations;
import org.redteam4j.models.http.FakeReply;
import org.redteam4j.models.http.HttpChatModelContract;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.resilience.ResiliencePolicy;
import org.redteam4j.models.resilience.ResilientChatModel;

class OpenAiCompatibleChatModelTest extends HttpChatModelContract
        implements ChatModelContract.ReportsFinishReason, ChatModelContract.StopsAtMaxTokens, ChatModelContract.RepeatsForASeed {

    static final String KEY = "sk-test-123";

    static final String TWO_CHOICES = """
            {"id": "x", "model": "served-model", "choices": [
              {"index": 0, "message": {"role": "assistant", "content": "No."}, "finish_reason": "stop"},
              {"index": 1, "message": {"role": "assistant", "content": "I'd rather not."}, "finish_reason": "length"}],
             "usage": {"prompt_tokens": 31, "completion_tokens": 7, "total_tokens": 38}}""";
    static final String ONE_CHOICE = """
            {"choices": [{"message": {"role": "assistant", "content": "Fine."}, "finish_reason": "stop"}]}""";

    OpenAiCompatibleChatModelTest() {
        super(KEY);
    }

    OpenAiCompatibleChatModel model(Duration timeout) {
        return at(server.url(""), timeout);
    }

    @Override
    public OpenAiCompatibleChatModel modelAt(URI root) {
        return at(root, Duration.ofSeconds(5));
    }

    private static OpenAiCompatibleChatModel at(URI root, Duration timeout) {
        return new OpenAiCompatibleChatModel("test-model", URI.create(root + "/v1"), ApiKey.of(KEY), timeout);
    }

    /** Chat completions: {@code n} choices, {@code max_tokens} and {@code seed} honoured, usage counted. */
    @Override
    protected Script serve(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (!body.path("model").isTextual() || messages.isEmpty() || !rolesAre(messages, Set.of("system", "user", "assistant"))) {
            return badRequest("expected a model and messages with the roles system, user or assistant");
        }
        ObjectNode answer = Json.mapper().createObjectNode().put("id", "chatcmpl-loopback").put("object", "chat.completion")
                .put("model", body.get("model").asText());
        ArrayNode choices = answer.putArray("choices");
        int completion = 0;
        for (int i = 0; i < body.path("n").asInt(1); i++) {
            FakeReply reply = FakeReply.draw(body.get("seed"), body.get("max_tokens"), i);
            choices.addObject().put("index", i).put("finish_reason", reply.cut() ? "length" : "stop")
                    .putObject("message").put("role", "assistant").put("content", reply.text());
            completion += reply.tokens();
        }
        answer.putObject("usage").put("prompt_tokens", FakeReply.promptTokens(messages, null)).put("completion_tokens", completion);
        return Script.json(answer.toString());
    }

    ResilientChatModel resilient(int attempts) {
        return new ResilientChatModel(model(Duration.ofSeconds(5)), new ResiliencePolicy(Duration.ofSeconds(5), attempts,
                Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5), 4, 0));
    }

    @Test
    void sendsMessagesSamplingAndTheKey() {
        server.then(Script.json(TWO_CHOICES));

        model(Duration.ofSeconds(5)).chat(Conversations.twoTurns(Conversations.FULL));

        LoopbackServer.Received request = server.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = request.json();
        assertThat(body.get("model").asText()).isEqualTo("test-model");
        assertThat(body.get("messages")).hasSize(4);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Be brief.");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/2/role").asText()).isEqualTo("assistant");
        assertThat(body.at("/messages/3/content").asText()).isEqualTo("Why not?");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("n").asInt()).isEqualTo(3);
        assertThat(body.get("seed").asLong()).isEqualTo(42);
        assertThat(body.at("/stop/0").asText()).isEqualTo("\n\nHuman:");
    }

    @Test
    void leavesOutWhatTheCallerDidNotSet() {
        server.then(Script.json(ONE_CHOICE));

        model(Duration.ofSeconds(5)).chat(Conversations.twoTurns(Sampling.DEFAULT));

        JsonNode body = server.lastRequest().json();
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("n")).isFalse();
        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("stop")).isFalse();
    }

    @Test
    void readsEveryChoiceAndTheUsage() {
        server.then(Script.json(TWO_CHOICES));

        ChatResponse response = model(Duration.ofSeconds(5)).chat(Conversations.twoTurns(Conversations.FULL));

        assertThat(response.replies()).extracting(reply -> reply.text()).containsExactly("No.", "I'd rather not.");
        assertThat(response.replies()).extracting(reply -> reply.finishReason()).containsExactly("stop", "length");
        assertThat(response.usage().inputTokens()).isEqualTo(31);
        assertThat(response.usage().outputTokens()).isEqualTo(7);
        assertThat(response.model()).isEqualTo("served-model");
        assertThat(response.simulated()).isFalse();
    }

    @Test
    void aRefusalFieldIsAReply() {
        server.then(Script.json("""
                {"choices": [{"message": {"role": "assistant", "content": null, "refusal": "I can't help with that."}}]}"""));

        assertThat(model(Duration.ofSeconds(5)).chat(Conversations.twoTurns(Sampling.DEFAULT)).first().text())
                .isEqualTo("I can't help with that.");
    }

    @Test
    void retriesA429AfterItsRetryAfterThenSucceeds() {
        server.then(Script.status(429, "{\"error\": \"slow down\"}").withHeader("Retry-After", "1"), Script.json(ONE_CHOICE));
        long started = System.nanoTime();

        ChatResponse response = resilient(3).chat(Conversations.twoTurns(Sampling.DEFAULT));

        assertThat(response.first().text()).isEqualTo("Fine.");
        assertThat(server.received()).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a429WithoutRetryAfterBacksOffAndEndsRateLimited() {
        server.then(Script.status(429, "{\"error\": \"quota\"}"));

        assertThatThrownBy(() -> resilient(3).chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEmpty());
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        server.then(Script.status(500, "oops"), Script.status(502, "bad gateway"), Script.status(503, "unavailable"));

        assertThatThrownBy(() -> resilient(3).chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void aServerErrorThenSuccessIsOneReply() {
        server.then(Script.status(500, "oops"), Script.json(ONE_CHOICE));

        assertThat(resilient(3).chat(Conversations.twoTurns(Sampling.DEFAULT)).replies()).hasSize(1);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aRefusedRequestIsNotRetried() {
        server.then(Script.status(400, "{\"error\": {\"message\": \"bad temperature\"}}"));

        assertThatThrownBy(() -> resilient(3).chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOfSatisfying(RequestRejectedException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("bad temperature");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aSlowServerTimesOut() {
        server.then(Script.json(ONE_CHOICE).after(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> model(Duration.ofMillis(300)).chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOf(ModelTimeoutException.class);
    }

    @Test
    void malformedJsonIsNeverAReply() {
        server.then(Script.json("{\"choices\": [{\"message\": "));

        assertThatThrownBy(() -> resilient(3).chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("not JSON");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void jsonThatBreaksTheProtocolIsNeverAReply() {
        server.then(Script.json("{\"choices\": []}"), Script.json("{\"choices\": [{\"message\": {\"content\": 5}}]}"));

        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("choices");
        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).chat(Conversations.twoTurns(Sampling.DEFAULT)))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("content");
    }
}
