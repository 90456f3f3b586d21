package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.workbench.LoginLimiter;
import org.redteam4j.app.workbench.MutableClock;
import org.redteam4j.store.TestDatabases;
import org.redteam4j.store.workbench.LoginThrottleRepository;
import org.redteam4j.core.format.Json;

/** Login throttling against a real server (issue 15, items 2 and 3). */
@Tag("security")
class LoginThrottleTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void parallelGuessesReserveTheLimitBeforeBcryptRunsSoTheRightPasswordInTheBurstIsRefused() throws Exception {
        try (WorkbenchServer server = new WorkbenchServer(dir)) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            CompletableFuture<Void> firstRefusal = new CompletableFuture<>();
            for (int i = 0; i < 19; i++) {
                burst.add(login(server, WorkbenchServer.ADMIN, "wrong-guess-" + i).whenComplete((response, error) -> {
                    if (response != null && response.statusCode() == 429) {
                        firstRefusal.complete(null);
                    }
                }));
            }
            // once one guess is refused the limit is reserved: the right password, sent now, must be refused too
            CompletableFuture.anyOf(firstRefusal, CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)))
                    .get(60, TimeUnit.SECONDS);
            HttpResponse<String> right = login(server, WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD).get(60, TimeUnit.SECONDS);
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> guess : burst) {
                HttpResponse<String> response = guess.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 429) {
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                }
            }

            assertThat(statuses).as("password checks let through").filteredOn(s -> s == 401).hasSize(LoginLimiter.MAX_FAILURES);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(19 - LoginLimiter.MAX_FAILURES);
            assertThat(right.statusCode()).as("the right password, sent once the limit was reserved").isEqualTo(429);
            assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, LoginLimiter.WINDOW.toSeconds());
        }
    }

    @Test
    void failuresFromOneAddressSlowItDownButTheRightPasswordStillGetsInAndOldCountersArePruned() throws Exception {
        MutableClock clock = new MutableClock();
        try (WorkbenchServer server = new WorkbenchServer(dir.resolve("slow.db").toString(), clock, WebOptions.defaults())) {
            int failures = 0;
            int refusals = 0;
            for (int i = 0; i < 100 && failures < 20; i++) {
                HttpResponse<String> guess = login(server, "someone-" + failures, "wrong-guess").get(60, TimeUnit.SECONDS);
                if (guess.statusCode() == 401) {
                    failures++;
                } else {
                    assertThat(guess.statusCode()).isEqualTo(429);
                    refusals++;
                    clock.advance(waitOf(guess)); // a person behind the same address waits this long, no more
                }
            }
            assertThat(failures).isEqualTo(20);
            assertThat(refusals).as("each failure after the first past the free ones waited").isEqualTo(20 - LoginLimiter.FREE_PER_ADDRESS - 1);

            HttpResponse<String> right = login(server, WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD).get(60, TimeUnit.SECONDS);
            if (right.statusCode() == 429) {
                clock.advance(waitOf(right));
                right = login(server, WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD).get(60, TimeUnit.SECONDS);
            }
            assertThat(right.statusCode()).as("the right password from the busy address").isEqualTo(200);

            clock.advance(LoginLimiter.WINDOW.plusMinutes(2));
            assertThat(login(server, WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD).get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            long left = server.database.inTransaction(handle -> new LoginThrottleRepository(handle).count());
            assertThat(left)
                    .as("counters left after the window: this login's name and address").isEqualTo(2);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientIsCountedApart() throws Exception {
        WebOptions trusting = new WebOptions(TrustedProxies.parse(List.of("127.0.0.1/32")));
        try (WorkbenchServer server = new WorkbenchServer(dir.resolve("proxy.db").toString(), Clock.systemUTC(), trusting)) {
            assertThat(refusedWithin(server, 20, i -> "203.0.113.7")).as("the noisy client is slowed").isTrue();
            assertThat(refusedWithin(server, 1, i -> "198.51.100.2, 203.0.113.7"))
                    .as("a client cannot claim another's address: the proxy's own entry counts").isTrue();

            HttpResponse<String> other = login(server, WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD, "198.51.100.2")
                    .get(60, TimeUnit.SECONDS);
            assertThat(other.statusCode()).as("another client behind the same proxy").isEqualTo(200);
        }
    }

    @Test
    void withoutTrustXForwardedForIsIgnored() throws Exception {
        try (WorkbenchServer server = new WorkbenchServer(dir)) {
            assertThat(refusedWithin(server, LoginLimiter.FREE_PER_ADDRESS + 2, i -> "198.51.100." + i))
                    .as("a forged X-Forwarded-For does not make a new client").isTrue();
        }
    }

    @Test
    void theCountersLiveInTheDatabaseSoARestartKeepsThem() throws Exception {
        String file = dir.resolve("restart.db").toString();
        try (WorkbenchServer server = new WorkbenchServer(file, Clock.systemUTC(), WebOptions.defaults())) {
            for (int i = 0; i < LoginLimiter.MAX_FAILURES; i++) {
                assertThat(login(server, WorkbenchServer.ADMIN, "wrong-" + i).get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
            }
        }
        try (WorkbenchServer restarted = new WorkbenchServer(file, Clock.systemUTC(), WebOptions.defaults())) {
            assertThat(login(restarted, WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD).get(60, TimeUnit.SECONDS).statusCode())
                    .as("after a restart").isEqualTo(429);
        }
    }

    @Test
    void serversSharingOnePostgresShareTheLimitUnderParallelGuesses() throws Exception {
        String url = TestDatabases.createPostgres();
        try (WorkbenchServer one = new WorkbenchServer(url, Clock.systemUTC(), WebOptions.defaults());
             WorkbenchServer two = new WorkbenchServer(url, Clock.systemUTC(), WebOptions.defaults())) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                burst.add(login(i % 2 == 0 ? one : two, WorkbenchServer.ADMIN, "wrong-guess-" + i));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> guess : burst) {
                statuses.add(guess.get(60, TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses).as("password checks let through by two servers").filteredOn(s -> s == 401)
                    .hasSize(LoginLimiter.MAX_FAILURES);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(20 - LoginLimiter.MAX_FAILURES);
            assertThat(login(one, WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD).get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(429);
        } finally {
            TestDatabases.dropPostgres(url);
        }
    }

    /** Whether a wrong guess from the forwarded client is refused within {@code tries} (each a new name). */
    private boolean refusedWithin(WorkbenchServer server, int tries, IntFunction<String> forwardedFor) throws Exception {
        for (int i = 0; i < tries; i++) {
            if (login(server, "nobody-" + UUID.randomUUID(), "wrong-guess", forwardedFor.apply(i)).get(60, TimeUnit.SECONDS)
                    .statusCode() == 429) {
                return true;
            }
        }
        return false;
    }

    private static Duration waitOf(HttpResponse<String> refused) {
        long seconds = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(seconds).as("Retry-After").isBetween(1L, LoginLimiter.MAX_DELAY.toSeconds());
        return Duration.ofSeconds(seconds);
    }

    private CompletableFuture<HttpResponse<String>> login(WorkbenchServer server, String name, String password) {
        return login(server, name, password, null);
    }

    private CompletableFuture<HttpResponse<String>> login(WorkbenchServer server, String name, String password, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/login")));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.sendAsync(request
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode().put("name", name)
                        .put("password", password).toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
