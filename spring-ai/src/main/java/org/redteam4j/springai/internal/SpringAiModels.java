package org.redteam4j.springai.internal;

import java.util.Optional;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.springai.SpringAiTargets;
import org.springframework.ai.chat.model.ChatModel;

/** The type test that names spring-ai-model's class, loaded only once the adapter has seen it exists. */
final class SpringAiModels {

    private SpringAiModels() {
    }

    static Optional<ChatTarget> adapt(Object model) {
        return model instanceof ChatModel chat ? Optional.of(SpringAiTargets.of(chat)) : Optional.empty();
    }
}
