package org.redteam4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;
import org.redteam4j.api.testing.AdapterContract;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

class StreamingChatModelTargetTest {

    private final LoopbackServer server = new LoopbackServer();

    StreamingChatModelTargetTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private StreamingChatModel model() {
        return OpenAiStreamingChatModel.builder().baseUrl(server.url("/v1").toString()).apiKey("test-key")
                .modelName("gpt-4o-mini").timeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void collectsTheStreamedReplyAndItsTokens() throws Exception {
        server.then(Script.chatCompletionStream(List.of("I can only ", "help with ", "your account."), 41, 9));

        Reply reply = LangChain4jTargets.of(model()).reply(AdapterContract.MULTI_TURN);

        assertThat(reply).isEqualTo(new Reply("I can only help with your account.", 41, 9));
        LoopbackServer.Received request = server.lastRequest();
        assertThat(request.json().path("stream").asBoolean()).isTrue();
        assertThat(request.messages()).containsExactlyElementsOf(AdapterContract.MULTI_TURN_ON_THE_WIRE);
    }

    @Test
    void anErrorFromTheStreamFailsThatCall() {
        server.then(Script.status(503, "{\"error\": {\"message\": \"overloaded\"}}"));
        ChatTarget target = LangChain4jTargets.of(model());

        assertThatThrownBy(() -> target.reply(List.of(Turn.user("Asks how to pick a lock."))))
                .hasMessageContaining("overloaded");
    }

    @Test
    void aStreamThatDoesNotCompleteInTimeFailsThatCall() {
        server.then(Script.chatCompletionStream(List.of("never seen"), 1, 1).after(Duration.ofSeconds(5)));
        ChatTarget target = LangChain4jTargets.of(model(), Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThatThrownBy(() -> target.reply(List.of(Turn.user("Asks how to pick a lock."))))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> LangChain4jTargets.of(model(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
