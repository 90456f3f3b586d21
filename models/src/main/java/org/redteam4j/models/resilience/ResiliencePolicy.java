package org.redteam4j.models.resilience;

import java.time.Duration;
import org.redteam4j.core.failure.BadInput;

/**
 * Limits and retries for one target.
 *
 * @param timeout           the longest wait for one response
 * @param maxAttempts       attempts in all, the first included (1 = no retries)
 * @param initialBackoff    the wait before the first retry; doubled each time, with ±50% jitter
 * @param maxBackoff        the longest computed wait
 * @param maxRetryAfter     the longest a server's Retry-After is honoured
 * @param concurrency       calls in flight at once
 * @param requestsPerMinute calls started per minute, 0 for no limit
 */
public record ResiliencePolicy(Duration timeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                               Duration maxRetryAfter, int concurrency, int requestsPerMinute) {

    public static final ResiliencePolicy DEFAULT = new ResiliencePolicy(Duration.ofSeconds(60), 4,
            Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(120), 4, 0);

    /** Each value comes from a declaration (a target's limits): a wrong one is bad input. */
    public ResiliencePolicy {
        positive(timeout, "timeout");
        positive(initialBackoff, "initial backoff");
        positive(maxBackoff, "max backoff");
        positive(maxRetryAfter, "max Retry-After");
        if (maxAttempts < 1) {
            throw new BadInput("max_attempts must be 1 or more, was " + maxAttempts);
        }
        if (concurrency < 1) {
            throw new BadInput("concurrency must be 1 or more, was " + concurrency);
        }
        if (requestsPerMinute < 0) {
            throw new BadInput("requests_per_minute must be 0 (no limit) or more, was " + requestsPerMinute);
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new BadInput(name + " must be positive, was " + value);
        }
    }
}
