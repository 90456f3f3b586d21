package org.redteam4j.models.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.MalformedResponseException;
import org.redteam4j.core.chat.RequestRejectedException;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.models.http.Conversations;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;

class OllamaChatModelTest {

    LoopbackServer server;
    OllamaChatModel model;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        model = new OllamaChatModel("llama3.2", server.url(""), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
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
