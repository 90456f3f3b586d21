package org.redteam4j.langchain4j.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.Optional;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.langchain4j.LangChain4jTargets;

/** The type tests that name LangChain4j's classes, loaded only once the adapter has seen they exist. */
final class LangChain4jModels {

    private LangChain4jModels() {
    }

    static Optional<ChatTarget> adapt(Object model) {
        // a class that is both takes the blocking path: no timeout to choose, no thread to wait on
        if (model instanceof ChatModel chat) {
            return Optional.of(LangChain4jTargets.of(chat));
        }
        if (model instanceof StreamingChatModel streaming) {
            return Optional.of(LangChain4jTargets.of(streaming));
        }
        return Optional.empty();
    }
}
