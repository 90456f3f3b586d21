package org.redteam4j.core.chat;

/** Tokens a call consumed, as the runtime reports them (0 when it does not). */
public record TokenUsage(long inputTokens, long outputTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }

    public long total() {
        return inputTokens + outputTokens;
    }
}
