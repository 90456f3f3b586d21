package org.redteam4j.core.chat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the requests and tokens that pass through it. The campaign engine wraps the attacker
 * in one per attack, so what a strategy or converter spends on the attacker is counted where it
 * happens, not estimated from an id.
 */
public final class MeteredChatModel extends ForwardingChatModel {

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.NONE);

    public MeteredChatModel(ChatModel model) {
        super(model);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.incrementAndGet();
        ChatResponse response = model.chat(request);
        usage.accumulateAndGet(response.usage(), TokenUsage::plus);
        return response;
    }

    @Override
    public boolean streams() {
        return model.streams();
    }

    @Override
    public ChatResponse stream(ChatRequest request, java.util.function.Consumer<String> onText) {
        requests.incrementAndGet();
        ChatResponse response = model.stream(request, onText);
        usage.accumulateAndGet(response.usage(), TokenUsage::plus);
        return response;
    }

    public int requests() {
        return requests.get();
    }

    public TokenUsage usage() {
        return usage.get();
    }

    /** The meter belongs to one attack; closing it leaves the shared model open. */
    @Override
    public void close() {
    }
}
