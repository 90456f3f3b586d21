package org.redteam4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Targets;
import org.redteam4j.api.Turn;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

class LangChain4jTargetAdapterTest {

    @Test
    void targetsFromFindsTheAdapterForAChatModel() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.chatCompletion("No.", 5, 1));
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.url("/v1").toString())
                    .apiKey("test-key").modelName("gpt-4o-mini").maxRetries(0).build();

            ChatTarget target = Targets.from(model);

            assertThat(target.reply(List.of(Turn.user("Asks how to pick a lock.")))).isEqualTo(new Reply("No.", 5, 1));
            assertThat(server.lastRequest().messages()).containsExactly("user: Asks how to pick a lock.");
        }
    }

    @Test
    void targetsFromFindsTheAdapterForAStreamingChatModel() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.chatCompletionStream(List.of("N", "o."), 5, 2));
            OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(server.url("/v1").toString())
                    .apiKey("test-key").modelName("gpt-4o-mini").build();

            assertThat(Targets.from(model).reply(List.of(Turn.user("Asks how to pick a lock."))))
                    .isEqualTo(new Reply("No.", 5, 2));
        }
    }

    /** An application's model that is also a function of the conversation (a wrapper with a convenience method). */
    static final class ModelAndFunction implements dev.langchain4j.model.chat.ChatModel, java.util.function.Function<List<Turn>, String> {

        @Override
        public dev.langchain4j.model.chat.response.ChatResponse doChat(dev.langchain4j.model.chat.request.ChatRequest request) {
            return dev.langchain4j.model.chat.response.ChatResponse.builder()
                    .aiMessage(dev.langchain4j.data.message.AiMessage.from("through chat, " + request.messages().size() + " messages"))
                    .build();
        }

        @Override
        public String apply(List<Turn> conversation) {
            return "through apply";
        }
    }

    @Test
    void aChatModelThatIsAlsoAFunctionIsAttackedAsTheChatModel() throws Exception {
        // its chat path holds what the application puts in the loop (listeners, guardrails), so the adapter goes first
        assertThat(Targets.from(new ModelAndFunction()).reply(List.of(Turn.system("Be helpful."), Turn.user("Asks how to pick a lock."))))
                .isEqualTo(Reply.of("through chat, 2 messages"));
    }

    @Test
    void whatNothingAcceptsIsNamedWithThisAdapter() {
        assertThatThrownBy(() -> Targets.from(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a LangChain4j ChatModel or StreamingChatModel");
    }
}
