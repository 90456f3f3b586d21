package org.redteam4j.langchain4j.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;

/** The one mapping between redteam4j's turns and replies and LangChain4j's messages and responses. */
final class LangChain4jMessages {

    private LangChain4jMessages() {
    }

    static List<ChatMessage> messages(List<Turn> conversation) {
        List<ChatMessage> messages = new ArrayList<>(conversation.size());
        for (Turn turn : conversation) {
            messages.add(switch (turn.role()) {
                case SYSTEM -> SystemMessage.from(turn.text());
                case USER -> UserMessage.from(turn.text());
                case ASSISTANT -> AiMessage.from(turn.text());
            });
        }
        return messages;
    }

    /**
     * The reply in {@code response}; {@code streamed} is the text the partial responses carried, used
     * when the complete response has none. A reply with no text (only tool requests) is an empty reply.
     */
    static Reply reply(ChatResponse response, String streamed) {
        AiMessage message = response.aiMessage();
        String text = message == null ? null : message.text();
        if (text == null || text.isEmpty()) {
            text = streamed;
        }
        TokenUsage usage = response.tokenUsage();
        return new Reply(text, usage == null ? 0 : count(usage.inputTokenCount()),
                usage == null ? 0 : count(usage.outputTokenCount()));
    }

    private static long count(Integer tokens) {
        return tokens == null ? 0 : Math.max(0, tokens);
    }
}
