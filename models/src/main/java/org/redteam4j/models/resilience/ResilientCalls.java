package org.redteam4j.models.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.redteam4j.core.chat.ChatModelException;
import org.redteam4j.core.chat.RateLimitedException;

/**
 * A target's {@link ResiliencePolicy} around calls: each request waits for a rate-limit token and
 * a concurrency permit ({@link #limited}); retriable failures are retried after a backoff, or
 * after the server's Retry-After when it sent one ({@link #retried}); the last failure is rethrown
 * as it was. The one place the policy is applied: {@link ResilientChatModel} wraps a whole model
 * in it, and a runtime whose one {@code chat} may take several requests (an application that is
 * replayed a conversation) applies the limits per request and the retry around what it can redo.
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
                .intervalBiFunction(backoff(policy))
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

    /** Exponential backoff with ±50% jitter, or the server's Retry-After (capped) when it gave one. */
    static <T> IntervalBiFunction<T> backoff(ResiliencePolicy policy) {
        return (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof RateLimitedException limited
                    && limited.retryAfter().isPresent()) {
                Duration wait = limited.retryAfter().get();
                return Math.min(wait.toMillis(), policy.maxRetryAfter().toMillis());
            }
            double exponential = policy.initialBackoff().toMillis() * Math.pow(2, attempt - 1);
            double jittered = exponential * (0.5 + ThreadLocalRandom.current().nextDouble());
            return (long) Math.min(jittered, policy.maxBackoff().toMillis());
        };
    }

    /** Runs {@code call} within the limits, retried. */
    public <T> T call(Supplier<T> call) {
        return retried(() -> limited(call));
    }

    /** One attempt of {@code call}, once it has its rate-limit token and concurrency permit. */
    public <T> T limited(Supplier<T> call) {
        Supplier<T> limited = Bulkhead.decorateSupplier(bulkhead, call);
        if (rateLimiter != null) {
            limited = RateLimiter.decorateSupplier(rateLimiter, limited);
        }
        return limited.get();
    }

    /** {@code call} retried on a retriable failure, without the limits: for a call that takes them per request. */
    public <T> T retried(Supplier<T> call) {
        return Retry.decorateSupplier(retry, call).get();
    }

    /**
     * Like {@link #call} for a call that shows a reply as it streams: retried only while nothing of
     * it was shown yet, since a retry after that would show its start twice.
     */
    public <T> T streamed(Function<Consumer<String>, T> call, Consumer<String> onText) {
        return retriedUnlessShown(onShown -> limited(() -> call.apply(onShown)), onText);
    }

    /** {@link #retried}, except that a failure after part of the reply was shown is rethrown at once. */
    public <T> T retriedUnlessShown(Function<Consumer<String>, T> call, Consumer<String> onText) {
        AtomicBoolean shown = new AtomicBoolean();
        Consumer<String> showing = text -> {
            shown.set(true);
            onText.accept(text);
        };
        try {
            return retried(() -> {
                try {
                    return call.apply(showing);
                } catch (ChatModelException e) {
                    if (shown.get()) {
                        throw new PartlyShown(e); // not a ChatModelException: the retry lets it through
                    }
                    throw e;
                }
            });
        } catch (PartlyShown e) {
            throw e.failure;
        }
    }

    /** A failure after part of a streamed reply was shown. */
    private static final class PartlyShown extends RuntimeException {
        private final ChatModelException failure;

        PartlyShown(ChatModelException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
