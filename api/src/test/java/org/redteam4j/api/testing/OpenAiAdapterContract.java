package org.redteam4j.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

/**
 * The tests every adapter passes with its framework's OpenAI model against a loopback server: an
 * adapter module's test extends this and says how its target is made.
 */
public abstract class OpenAiAdapterContract {

    protected final LoopbackServer server = new LoopbackServer();

    protected OpenAiAdapterContract() throws Exception {
    }

    /** The adapter's target over its framework's OpenAI model at {@code server}, key {@code test-key}, retries off. */
    protected abstract ChatTarget target(LoopbackServer server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheWholeConversationInOrderAndReturnsTheReplyWithItsTokens() throws Exception {
        server.then(Script.chatCompletion("I can only help with your account.", 41, 9));

        Reply reply = target(server).reply(AdapterContract.MULTI_TURN);

        assertThat(reply).isEqualTo(new Reply("I can only help with your account.", 41, 9));
        assertThat(server.received()).hasSize(1);
        LoopbackServer.Received request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.messages()).containsExactlyElementsOf(AdapterContract.MULTI_TURN_ON_THE_WIRE);
    }

    @Test
    void aReplyWithoutUsageCostsNothingKnown() throws Exception {
        server.then(Script.json("{\"choices\": [{\"index\": 0, \"finish_reason\": \"stop\","
                + " \"message\": {\"role\": \"assistant\", \"content\": \"Sure.\"}}]}"));

        Reply reply = target(server).reply(List.of(Turn.user("Asks how to pick a lock.")));

        assertThat(reply).isEqualTo(new Reply("Sure.", 0, 0));
        assertThat(server.lastRequest().messages()).containsExactly("user: Asks how to pick a lock.");
    }

    @Test
    void aServerErrorFailsThatCall() {
        server.then(Script.status(500, "{\"error\": {\"message\": \"the model is down\"}}"));
        ChatTarget target = target(server);

        assertThatThrownBy(() -> target.reply(List.of(Turn.user("Asks how to pick a lock."))))
                .hasMessageContaining("the model is down");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aRejectedRequestFailsThatCall() {
        server.then(Script.status(401, "{\"error\": {\"message\": \"invalid api key\"}}"));
        ChatTarget target = target(server);

        assertThatThrownBy(() -> target.reply(List.of(Turn.user("Asks how to pick a lock."))))
                .hasMessageContaining("invalid api key");
        assertThat(server.received()).hasSize(1);
    }
}
