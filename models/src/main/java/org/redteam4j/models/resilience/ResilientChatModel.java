package org.redteam4j.models.resilience;

import java.util.function.Consumer;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.ForwardingChatModel;

/**
 * Wraps a remote model in its target's {@link ResiliencePolicy} ({@link ResilientCalls}): each
 * attempt waits for a rate-limit token and a concurrency permit; retriable failures are retried
 * after a backoff, or after the server's Retry-After when it sent one.
 */
public final class ResilientChatModel extends ForwardingChatModel {

    private final ResilientCalls calls;

    public ResilientChatModel(ChatModel model, ResiliencePolicy policy) {
        super(model);
        this.calls = new ResilientCalls(model.id(), policy);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return calls.call(() -> model.chat(request));
    }

    @Override
    public boolean streams() {
        return model.streams();
    }

    /** Streams within the same limits; retried only while nothing of the reply was shown yet. */
    @Override
    public ChatResponse stream(ChatRequest request, Consumer<String> onText) {
        return calls.streamed(showing -> model.stream(request, showing), onText);
    }
}
