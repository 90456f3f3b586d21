package org.redteam4j.springai.internal;

import java.util.ArrayList;
import java.util.List;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/** The one mapping between redteam4j's turns and replies and Spring AI's messages and responses. */
final class SpringAiMessages {

    private SpringAiMessages() {
    }

    static List<Message> messages(List<Turn> conversation) {
        List<Message> messages = new ArrayList<>(conversation.size());
        for (Turn turn : conversation) {
            messages.add(switch (turn.role()) {
                case SYSTEM -> new SystemMessage(turn.text());
                case USER -> new UserMessage(turn.text());
                case ASSISTANT -> new AssistantMessage(turn.text());
            });
        }
        return messages;
    }

    /**
     * The reply in {@code response}. A generation without text (a filtered answer) is an empty reply; a
     * response without any generation is no reply at all, so it fails the call.
     */
    static Reply reply(ChatResponse response, Object source) {
        if (response == null) {
            throw new IllegalStateException(source + " returned no ChatResponse");
        }
        Generation generation = response.getResult();
        if (generation == null) {
            throw new IllegalStateException(source + " returned a ChatResponse without any generation");
        }
        String text = generation.getOutput() == null ? null : generation.getOutput().getText();
        ChatResponseMetadata metadata = response.getMetadata();
        Usage usage = metadata == null ? null : metadata.getUsage();
        return new Reply(text == null ? "" : text, usage == null ? 0 : count(usage.getPromptTokens()),
                usage == null ? 0 : count(usage.getCompletionTokens()));
    }

    private static long count(Integer tokens) {
        return tokens == null ? 0 : Math.max(0, tokens);
    }
}
