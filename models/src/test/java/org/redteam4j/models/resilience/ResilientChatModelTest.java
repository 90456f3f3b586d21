package org.redteam4j.models.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.functions.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.RateLimitedException;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.ServerErrorException;
import org.redteam4j.models.http.Conversations;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.openai.OpenAiCompatibleChatModel;

class ResilientChatModelTest {

    private static final String REPLY = "{\"choices\": [{\"message\": {\"content\": \"ok\"}}]}";

    @Test
    void neverHasMoreCallsInFlightThanItsConcurrency() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.json(REPLY).after(Duration.ofMillis(150)));
            ResilientChatModel model = model(server, new ResiliencePolicy(Duration.ofSeconds(5), 1, Duration.ofMillis(10),
                    Duration.ofMillis(10), Duration.ofSeconds(1), 2, 0));

            List<CompletableFuture<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> model.chat(Conversations.twoTurns(Sampling.DEFAULT))));
            }
            calls.forEach(CompletableFuture::join);

            assertThat(server.received()).hasSize(8);
            assertThat(server.maxConcurrentRequests()).isEqualTo(2);
        }
    }

    @Test
    void spacesCallsToItsRequestsPerMinute() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.json(REPLY));
            ResilientChatModel model = model(server, new ResiliencePolicy(Duration.ofSeconds(5), 1, Duration.ofMillis(10),
                    Duration.ofMillis(10), Duration.ofSeconds(1), 4, 600)); // one call every 100 ms
            long started = System.nanoTime();

            for (int i = 0; i < 6; i++) {
                model.chat(Conversations.twoTurns(Sampling.DEFAULT));
            }

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        }
    }

    @Test
    void backoffGrowsWithJitterAndHonoursRetryAfterUpToItsCap() {
        ResiliencePolicy policy = new ResiliencePolicy(Duration.ofSeconds(5), 5, Duration.ofMillis(100),
                Duration.ofMillis(1000), Duration.ofSeconds(2), 1, 0);
        var backoff = ResilientCalls.<ChatResponse>backoff(policy);
        Either<Throwable, ChatResponse> serverError = Either.left(new ServerErrorException("x", 500));

        for (int i = 0; i < 50; i++) {
            assertThat(backoff.apply(1, serverError)).isBetween(50L, 150L);
            assertThat(backoff.apply(3, serverError)).isBetween(200L, 600L);
            assertThat(backoff.apply(10, serverError)).isLessThanOrEqualTo(1000L);
        }
        assertThat(backoff.apply(1, Either.left(new RateLimitedException("x", Duration.ofMillis(1500))))).isEqualTo(1500L);
        assertThat(backoff.apply(1, Either.left(new RateLimitedException("x", Duration.ofMinutes(5))))).isEqualTo(2000L);
    }

    private static ResilientChatModel model(LoopbackServer server, ResiliencePolicy policy) {
        return new ResilientChatModel(new OpenAiCompatibleChatModel("m", server.url("/v1"), null, policy.timeout()), policy);
    }
}
