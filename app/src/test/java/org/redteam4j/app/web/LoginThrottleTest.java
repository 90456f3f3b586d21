package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.workbench.LoginLimiter;
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

    private CompletableFuture<HttpResponse<String>> login(WorkbenchServer server, String name, String password) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode().put("name", name)
                        .put("password", password).toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
