package org.redteam4j.langchain4j.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;

/** A LangChain4j {@link ChatModel} as a target: one {@code chat} call per reply. */
public final class ChatModelTarget implements ChatTarget {

    private final ChatModel model;

    public ChatModelTarget(ChatModel model) {
        this.model = model;
    }

    @Override
    public Reply reply(List<Turn> conversation) {
        ChatRequest request = ChatRequest.builder().messages(LangChain4jMessages.messages(conversation)).build();
        return LangChain4jMessages.reply(model.chat(request), "");
    }

    @Override
    public String toString() {
        return "LangChain4j " + model.getClass().getSimpleName();
    }
}
