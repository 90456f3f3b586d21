package org.redteam4j.core.chat;

import java.util.List;
import java.util.Objects;
import org.redteam4j.core.transcript.Turn;

/**
 * A conversation to continue: optional system text, then the turns so far (the last one is
 * normally the human's), and how to sample the reply.
 */
public record ChatRequest(String system, List<Turn> turns, Sampling sampling) {

    public ChatRequest {
        turns = List.copyOf(turns);
        Objects.requireNonNull(sampling, "sampling");
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one turn");
        }
    }

    public static ChatRequest of(List<Turn> turns, Sampling sampling) {
        return new ChatRequest(null, turns, sampling);
    }

    public ChatRequest withTurns(List<Turn> newTurns) {
        return new ChatRequest(system, newTurns, sampling);
    }

    public ChatRequest withSampling(Sampling newSampling) {
        return new ChatRequest(system, turns, newSampling);
    }
}
