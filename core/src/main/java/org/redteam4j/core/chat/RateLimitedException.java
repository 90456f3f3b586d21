package org.redteam4j.core.chat;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429: the server wants fewer requests, and may say when to come back. */
public final class RateLimitedException extends RetriableException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
