package org.redteam4j.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.time.Duration;
import java.util.Objects;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.langchain4j.internal.ChatModelTarget;
import org.redteam4j.langchain4j.internal.StreamingChatModelTarget;

/**
 * Makes {@link ChatTarget}s of LangChain4j models. The conversation's turns become a
 * {@code SystemMessage}, {@code UserMessage}s and {@code AiMessage}s in order; the reply's text and
 * its {@code TokenUsage} (0 where the provider reports none) become the {@link org.redteam4j.api.Reply}.
 */
public final class LangChain4jTargets {

    /** How long a streaming model may take to complete one reply when no timeout is given. */
    public static final Duration DEFAULT_STREAMING_TIMEOUT = Duration.ofMinutes(2);

    private LangChain4jTargets() {
    }

    /**
     * A target that asks {@code model} once per call; the model's own exceptions fail that call.
     *
     * @param model the application's chat model
     * @return it as a target
     */
    public static ChatTarget of(ChatModel model) {
        return new ChatModelTarget(Objects.requireNonNull(model, "model"));
    }

    /**
     * A target that streams each reply from {@code model} and returns it once complete, waiting at most
     * {@link #DEFAULT_STREAMING_TIMEOUT}; the handler's {@code onError} fails that call.
     *
     * @param model the application's streaming chat model
     * @return it as a target, each reply collected whole
     */
    public static ChatTarget of(StreamingChatModel model) {
        return of(model, DEFAULT_STREAMING_TIMEOUT);
    }

    /**
     * As {@link #of(StreamingChatModel)}, waiting at most {@code timeout} for a reply to complete: past it
     * the call fails with a {@link java.util.concurrent.TimeoutException} rather than hang the campaign.
     *
     * @throws IllegalArgumentException when {@code timeout} is not positive
     * @param model the application's streaming chat model
     * @param timeout how long a reply may take to stream
     * @return it as a target, each reply collected whole
     */
    public static ChatTarget of(StreamingChatModel model, Duration timeout) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a streaming timeout must be positive, not " + timeout);
        }
        return new StreamingChatModelTarget(model, timeout);
    }
}
