package org.redteam4j.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Targets;
import org.redteam4j.api.Turn;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.springframework.ai.chat.client.ChatClient;

class SpringAiTargetAdapterTest {

    @Test
    void targetsFromFindsTheAdapterForAChatModel() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.chatCompletion("No.", 5, 1));

            Reply reply = Targets.from(LoopbackOpenAi.chatModel(server)).reply(List.of(Turn.user("Asks how to pick a lock.")));

            assertThat(reply).isEqualTo(new Reply("No.", 5, 1));
            assertThat(server.lastRequest().messages()).containsExactly("user: Asks how to pick a lock.");
        }
    }

    @Test
    void targetsFromFindsTheAdapterForAChatClient() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.chatCompletion("No.", 7, 1));
            ChatClient client = ChatClient.builder(LoopbackOpenAi.chatModel(server)).defaultSystem("Be brief.").build();

            Reply reply = Targets.from(client).reply(List.of(Turn.user("Asks how to pick a lock.")));

            assertThat(reply).isEqualTo(new Reply("No.", 7, 1));
            assertThat(server.lastRequest().messages())
                    .containsExactly("system: Be brief.", "user: Asks how to pick a lock.");
        }
    }

    @Test
    void whatNothingAcceptsIsNamedWithThisAdapter() {
        assertThatThrownBy(() -> Targets.from(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a Spring AI ChatClient or ChatModel");
    }
}
