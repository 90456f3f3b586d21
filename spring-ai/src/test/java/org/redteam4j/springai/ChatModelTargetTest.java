package org.redteam4j.springai;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Turn;
import org.redteam4j.api.testing.OpenAiAdapterContract;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

/** A real Spring AI {@code OpenAiChatModel} holds to the adapter contract. */
class ChatModelTargetTest extends OpenAiAdapterContract {

    ChatModelTargetTest() throws Exception {
    }

    @Override
    protected ChatTarget target(LoopbackServer server) {
        return SpringAiTargets.of(LoopbackOpenAi.chatModel(server));
    }

    @Test
    void aResponseWithoutAnyChoiceFailsThatCall() {
        server.then(Script.json("{\"choices\": [], \"usage\": {\"prompt_tokens\": 3, \"completion_tokens\": 0}}"));
        ChatTarget target = target(server);

        assertThatThrownBy(() -> target.reply(List.of(Turn.user("Asks how to pick a lock."))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without any generation");
    }
}
