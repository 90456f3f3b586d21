package org.redteam4j.models.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Supplier;
import org.redteam4j.core.chat.ChatModelException;

/**
 * A target's {@link ResiliencePolicy} around single calls rather than a whole model: for a runtime
 * whose one {@code chat} may take several requests (an application that is replayed a conversation),
 * so that each request waits for its rate-limit token and concurrency permit and is retried on its
 * own — with the same backoff, and the same honouring of Retry-After, as {@link ResilientChatModel}.
 */
public final class ResilientCalls {

    private static final System.Logger LOG = System.getLogger(ResilientCalls.class.getName());
    private static final Duration QUEUE_WAIT = Duration.ofHours(1);

    private final Retry retry;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;

    public ResilientCalls(String name, ResiliencePolicy policy) {
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(e -> e instanceof ChatModelException failure && failure.retriable())
                .intervalBiFunction(ResilientChatModel.backoffOf(policy))
                .build());
        this.retry.getEventPublisher().onRetry(event -> LOG.log(Level.DEBUG, () -> name + ": attempt "
                + event.getNumberOfRetryAttempts() + " failed (" + event.getLastThrowable().getMessage()
                + "); retrying in " + event.getWaitInterval().toMillis() + " ms"));
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(policy.concurrency())
                .maxWaitDuration(QUEUE_WAIT)
                .build());
        this.rateLimiter = policy.requestsPerMinute() == 0 ? null : RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Duration.ofMinutes(1).toNanos() / policy.requestsPerMinute()))
                .timeoutDuration(QUEUE_WAIT)
                .build());
    }

    /** Runs {@code call} within the limits; the last failure is rethrown as it was. */
    public <T> T call(Supplier<T> call) {
        Supplier<T> limited = Bulkhead.decorateSupplier(bulkhead, call);
        if (rateLimiter != null) {
            limited = RateLimiter.decorateSupplier(rateLimiter, limited);
        }
        return Retry.decorateSupplier(retry, limited).get();
    }
}
