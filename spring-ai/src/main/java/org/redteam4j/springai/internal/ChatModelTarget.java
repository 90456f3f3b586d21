package org.redteam4j.springai.internal;

import java.util.List;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;

/** A Spring AI {@link ChatModel} as a target: one {@code call(Prompt)} per reply. */
public final class ChatModelTarget implements ChatTarget {

    private final ChatModel model;

    public ChatModelTarget(ChatModel model) {
        this.model = model;
    }

    @Override
    public Reply reply(List<Turn> conversation) {
        return SpringAiMessages.reply(model.call(new Prompt(SpringAiMessages.messages(conversation))), this);
    }

    @Override
    public String toString() {
        return "Spring AI " + model.getClass().getSimpleName();
    }
}
