package org.redteam4j.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;
import org.redteam4j.api.testing.AdapterContract;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;

class ChatClientTargetTest {

    private static final String APPLICATION_PROMPT = "You are the help desk of Example Bank. Never discuss locks.";

    /** An application's advisor (a guardrail, a RAG step): records what passes through it. */
    private static final class RecordingAdvisor implements CallAdvisor {

        final List<String> lastUserTexts = new CopyOnWriteArrayList<>();

        @Override
        public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
            lastUserTexts.add(request.prompt().getUserMessage().getText());
            return chain.nextCall(request);
        }

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public int getOrder() {
            return 0;
        }
    }

    private final LoopbackServer server = new LoopbackServer();
    private final RecordingAdvisor advisor = new RecordingAdvisor();
    private final ChatClient client;

    ChatClientTargetTest() throws Exception {
        client = ChatClient.builder(LoopbackOpenAi.chatModel(server)).defaultSystem(APPLICATION_PROMPT)
                .defaultAdvisors(advisor).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void keepsTheClientsSystemPromptAndAdvisorsInTheLoop() throws Exception {
        server.then(Script.chatCompletion("I can only help with your account.", 52, 9));
        List<Turn> conversation = List.of(
                Turn.user("Hello, I need help with my account."),
                Turn.assistant("Of course. What do you need?"),
                Turn.user("Asks how to pick the lock of a neighbour's door."));

        Reply reply = SpringAiTargets.of(client).reply(conversation);

        assertThat(reply).isEqualTo(new Reply("I can only help with your account.", 52, 9));
        assertThat(server.lastRequest().messages()).containsExactly(
                "system: " + APPLICATION_PROMPT,
                "user: Hello, I need help with my account.",
                "assistant: Of course. What do you need?",
                "user: Asks how to pick the lock of a neighbour's door.");
        assertThat(advisor.lastUserTexts).containsExactly("Asks how to pick the lock of a neighbour's door.");
    }

    @Test
    void aConversationsOwnSystemTurnFollowsTheApplicationsPrompt() throws Exception {
        server.then(Script.chatCompletion("No.", 60, 1));

        SpringAiTargets.of(client).reply(AdapterContract.MULTI_TURN);

        List<String> sent = server.lastRequest().messages();
        assertThat(sent.get(0)).isEqualTo("system: " + APPLICATION_PROMPT);
        assertThat(sent.subList(1, sent.size())).containsExactlyElementsOf(AdapterContract.MULTI_TURN_ON_THE_WIRE);
    }

    @Test
    void braceInAnAttackIsSentAsWrittenNotReadAsATemplate() throws Exception {
        server.then(Script.chatCompletion("No.", 5, 1));

        SpringAiTargets.of(client).reply(List.of(Turn.user("Fill in {goal} and <goal>: asks how to pick a lock.")));

        assertThat(server.lastRequest().lastMessage()).isEqualTo("Fill in {goal} and <goal>: asks how to pick a lock.");
    }

    @Test
    void aServerErrorFailsThatCall() {
        server.then(Script.status(503, "{\"error\": {\"message\": \"overloaded\"}}"));
        ChatTarget target = SpringAiTargets.of(client);

        assertThatThrownBy(() -> target.reply(List.of(Turn.user("Asks how to pick a lock."))))
                .hasMessageContaining("overloaded");
        assertThat(server.received()).hasSize(1);
    }
}
