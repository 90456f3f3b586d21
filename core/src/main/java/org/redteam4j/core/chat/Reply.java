package org.redteam4j.core.chat;

import java.util.Objects;

/**
 * One reply of a model.
 *
 * @param text               what the model said
 * @param finishReason       why it stopped, as the runtime says it ({@code stop}, {@code length}, …), or null
 * @param harmlessnessScore  the scorer's score when an intervention ranked the replies, else null
 */
public record Reply(String text, String finishReason, Double harmlessnessScore) {

    public Reply {
        Objects.requireNonNull(text, "text");
    }

    public static Reply of(String text, String finishReason) {
        return new Reply(text, finishReason, null);
    }

    public Reply scored(double score) {
        return new Reply(text, finishReason, score);
    }
}
