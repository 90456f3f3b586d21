package org.redteam4j.api;

import java.util.Objects;

/**
 * A target's reply, with the tokens it cost where the target knows them (0 where it does not):
 * a campaign's {@code max_tokens} budget counts them.
 *
 * @param text         the reply's text; an empty reply is a reply, a refusal too
 * @param inputTokens  tokens the request took, or 0 when unknown
 * @param outputTokens tokens the reply took, or 0 when unknown
 */
public record Reply(String text, long inputTokens, long outputTokens) {

    /**
     * Refuses a null text and negative token counts.
     *
     * @param text the reply's text
     * @param inputTokens tokens the request took, 0 or more
     * @param outputTokens tokens the reply took, 0 or more
     */
    public Reply {
        Objects.requireNonNull(text, "text");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative: " + inputTokens + ", " + outputTokens);
        }
    }

    /**
     * A reply whose cost is unknown.
     *
     * @param text the reply's text
     * @return a reply of unknown cost
     */
    public static Reply of(String text) {
        return new Reply(text, 0, 0);
    }
}
