package org.redteam4j.springai;

import java.util.Objects;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.springai.internal.ChatClientTarget;
import org.redteam4j.springai.internal.ChatModelTarget;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Makes {@link ChatTarget}s of Spring AI models and clients. The conversation's turns become a
 * {@code SystemMessage}, {@code UserMessage}s and {@code AssistantMessage}s in order; the reply's text and
 * the response metadata's usage (0 where the model reports none) become the {@link org.redteam4j.api.Reply}.
 * The model's or client's own exceptions (after its own retries) fail that call.
 */
public final class SpringAiTargets {

    private SpringAiTargets() {
    }

    /**
     * A target that calls {@code model} with the conversation as its prompt, once per reply.
     *
     * @param model the application's chat model
     * @return it as a target
     */
    public static ChatTarget of(ChatModel model) {
        return new ChatModelTarget(Objects.requireNonNull(model, "model"));
    }

    /**
     * A target that sends the conversation through {@code client} ({@code prompt().messages(...).call()}),
     * so the client's defaults and advisors apply to every attack. A client's default system prompt comes
     * first; a conversation's own system turn (an intervention's) follows it as a second system message.
     *
     * @param client the application's chat client, with its default system prompt and advisors
     * @return it as a target
     */
    public static ChatTarget of(ChatClient client) {
        return new ChatClientTarget(Objects.requireNonNull(client, "client"));
    }
}
