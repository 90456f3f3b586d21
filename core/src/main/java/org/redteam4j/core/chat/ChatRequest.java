package org.redteam4j.core.chat;

import java.util.List;
import java.util.Objects;
import org.redteam4j.core.transcript.Turn;

/**
 * A conversation to continue: optional system text, then the turns so far (the last one is
 * normally the human's), and how to sample the reply. An optional {@code document} is context
 * the application under test receives beside the conversation (a retrieved passage, an email, a
 * tool result); only models that {@linkplain ChatModel#takesDocuments() take documents} are sent
 * one, the others get it inside the human's message from the strategy that made it.
 */
public record ChatRequest(String system, List<Turn> turns, Sampling sampling, String document) {

    public ChatRequest {
        turns = List.copyOf(turns);
        Objects.requireNonNull(sampling, "sampling");
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one turn");
        }
    }

    public ChatRequest(String system, List<Turn> turns, Sampling sampling) {
        this(system, turns, sampling, null);
    }

    public static ChatRequest of(List<Turn> turns, Sampling sampling) {
        return new ChatRequest(null, turns, sampling, null);
    }

    public ChatRequest withTurns(List<Turn> newTurns) {
        return new ChatRequest(system, newTurns, sampling, document);
    }

    public ChatRequest withSampling(Sampling newSampling) {
        return new ChatRequest(system, turns, newSampling, document);
    }

    public ChatRequest withSystem(String newSystem) {
        return new ChatRequest(newSystem, turns, sampling, document);
    }

    public ChatRequest withDocument(String newDocument) {
        return new ChatRequest(system, turns, sampling, newDocument);
    }
}
