package org.redteam4j.springai.internal;

import java.util.Optional;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.springai.SpringAiTargets;
import org.springframework.ai.chat.client.ChatClient;

/** The type test that names spring-ai-client-chat's class, loaded only once the adapter has seen it exists. */
final class SpringAiClients {

    private SpringAiClients() {
    }

    static Optional<ChatTarget> adapt(Object model) {
        return model instanceof ChatClient client ? Optional.of(SpringAiTargets.of(client)) : Optional.empty();
    }
}
