package org.redteam4j.springai.internal;

import java.util.Optional;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.spi.TargetAdapter;

/**
 * Lets {@code Targets.from} take a Spring AI {@code ChatClient} or {@code ChatModel}. Spring AI is the
 * application's (a provided dependency), and an application may have the model without the client: each
 * type is looked at only when its class is there, so neither absence fails a lookup.
 */
public final class SpringAiTargetAdapter implements TargetAdapter {

    private static final boolean CHAT_CLIENT_PRESENT = present("org.springframework.ai.chat.client.ChatClient");
    private static final boolean CHAT_MODEL_PRESENT = present("org.springframework.ai.chat.model.ChatModel");

    @Override
    public Optional<ChatTarget> adapt(Object model) {
        Optional<ChatTarget> client = CHAT_CLIENT_PRESENT ? SpringAiClients.adapt(model) : Optional.empty();
        if (client.isPresent()) {
            return client;
        }
        return CHAT_MODEL_PRESENT ? SpringAiModels.adapt(model) : Optional.empty();
    }

    @Override
    public String accepts() {
        return "a Spring AI ChatClient or ChatModel";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SpringAiTargetAdapter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
