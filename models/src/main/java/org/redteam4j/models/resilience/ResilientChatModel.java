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
import java.util.function.Supplier;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatModelException;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.ForwardingChatModel;
import org.redteam4j.core.chat.RateLimitedException;

/**
 * Wraps a remote model in its target's {@link ResiliencePolicy}: each attempt waits for a
 * rate-limit token and a concurrency permit; retriable failures are retried after a backoff,
 * or after the server's Retry-After when it sent one. The last failure is rethrown as it was.
 */
public final class ResilientChatModel extends ForwardingChatModel {

    private static final System.Logger LOG = System.getLogger(ResilientChatModel.class.getName());
    private static final Duration QUEUE_WAIT = Duration.ofHours(1);

    private final Retry retry;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;

    public ResilientChatModel(ChatModel model, ResiliencePolicy policy) {
        super(model);
        this.retry = Retry.of(model.id(), RetryConfig.<ChatResponse>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(e -> e instanceof ChatModelException failure && failure.retriable())
                .intervalBiFunction(backoff(policy))
                .build());
        this.retry.getEventPublisher().onRetry(event -> LOG.log(Level.DEBUG, () -> model.id() + ": attempt "
                + event.getNumberOfRetryAttempts() + " failed (" + event.getLastThrowable().getMessage()
                + "); retrying in " + event.getWaitInterval().toMillis() + " ms"));
        this.bulkhead = Bulkhead.of(model.id(), BulkheadConfig.custom()
                .maxConcurrentCalls(policy.concurrency())
                .maxWaitDuration(QUEUE_WAIT)
                .build());
        this.rateLimiter = policy.requestsPerMinute() == 0 ? null : RateLimiter.of(model.id(), RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Duration.ofMinutes(1).toNanos() / policy.requestsPerMinute()))
                .timeoutDuration(QUEUE_WAIT)
                .build());
    }

    /** Exponential backoff with ±50% jitter, or the server's Retry-After (capped) when it gave one. */
    static IntervalBiFunction<ChatResponse> backoff(ResiliencePolicy policy) {
        return backoffOf(policy);
    }

    /** The same backoff for calls of any result type ({@link ResilientCalls}). */
    static <T> IntervalBiFunction<T> backoffOf(ResiliencePolicy policy) {
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

    @Override
    public ChatResponse chat(ChatRequest request) {
        Supplier<ChatResponse> call = Bulkhead.decorateSupplier(bulkhead, () -> model.chat(request));
        if (rateLimiter != null) {
            call = RateLimiter.decorateSupplier(rateLimiter, call);
        }
        return Retry.decorateSupplier(retry, call).get();
    }

    @Override
    public boolean streams() {
        return model.streams();
    }

    /**
     * Streams within the same limits; a failure is retried only while nothing of the reply was
     * shown yet, since a retry after that would show its start twice.
     */
    @Override
    public ChatResponse stream(ChatRequest request, Consumer<String> onText) {
        AtomicBoolean shown = new AtomicBoolean();
        Consumer<String> showing = text -> {
            shown.set(true);
            onText.accept(text);
        };
        Supplier<ChatResponse> call = Bulkhead.decorateSupplier(bulkhead, () -> {
            try {
                return model.stream(request, showing);
            } catch (ChatModelException e) {
                if (shown.get()) {
                    throw new PartlyShown(e); // not a ChatModelException: the retry lets it through
                }
                throw e;
            }
        });
        if (rateLimiter != null) {
            call = RateLimiter.decorateSupplier(rateLimiter, call);
        }
        try {
            return Retry.decorateSupplier(retry, call).get();
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
