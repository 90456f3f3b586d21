package org.redteam4j.langchain4j.internal;

import java.util.Optional;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.spi.TargetAdapter;

/**
 * Lets {@code Targets.from} take a LangChain4j {@code ChatModel} or {@code StreamingChatModel}. LangChain4j
 * is the application's (a provided dependency): where it is absent this adapter accepts nothing rather
 * than fail every lookup with a {@code NoClassDefFoundError}.
 */
public final class LangChain4jTargetAdapter implements TargetAdapter {

    private static final boolean LANGCHAIN4J_PRESENT = present("dev.langchain4j.model.chat.ChatModel")
            && present("dev.langchain4j.model.chat.StreamingChatModel");

    @Override
    public Optional<ChatTarget> adapt(Object model) {
        return LANGCHAIN4J_PRESENT ? LangChain4jModels.adapt(model) : Optional.empty();
    }

    @Override
    public String accepts() {
        return "a LangChain4j ChatModel or StreamingChatModel";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, LangChain4jTargetAdapter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
