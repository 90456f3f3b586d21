package org.redteam4j.core.chat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a model answered.
 *
 * @param replies   one or more replies, in the runtime's order or, after ranking, least harmful first
 * @param usage     tokens consumed by all the calls behind this response
 * @param latency   wall time from request to response
 * @param model     the model that answered, as the runtime names it
 * @param simulated true when the answer comes from the simulated assistant, never a real model
 * @param requests  requests sent to the model for this response: 1, or more when the runtime had to
 *                  send several (a stateful application replayed a conversation, samples drawn singly);
 *                  what budgets and the stored spend count
 */
public record ChatResponse(List<Reply> replies, TokenUsage usage, Duration latency, String model, boolean simulated,
                           int requests) {

    public ChatResponse {
        if (requests < 1) {
            throw new IllegalArgumentException("a response took at least one request");
        }
        replies = List.copyOf(replies);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(latency, "latency");
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("a response has at least one reply");
        }
    }

    /** A response that took one request. */
    public ChatResponse(List<Reply> replies, TokenUsage usage, Duration latency, String model, boolean simulated) {
        this(replies, usage, latency, model, simulated, 1);
    }

    public Reply first() {
        return replies.get(0);
    }

    public ChatResponse withReplies(List<Reply> newReplies) {
        return new ChatResponse(newReplies, usage, latency, model, simulated, requests);
    }

    public ChatResponse withLatency(Duration newLatency) {
        return new ChatResponse(replies, usage, newLatency, model, simulated, requests);
    }
}
