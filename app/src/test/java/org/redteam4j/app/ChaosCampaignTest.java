package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.ChaosServer.Fault;
import org.redteam4j.models.http.ChaosServer;
import org.redteam4j.store.Database;

/** Campaigns against an endpoint having a bad day: nothing is lost, nothing is counted twice. */
@Tag("reliability")
class ChaosCampaignTest {

    private static final int SEEDS = 30;
    private static final int MAX_ATTEMPTS = 3;

    @TempDir
    Path dir;

    @Test
    void everyAttackEndsAsAResultOrARecordedErrorAndTheCountsAddUp() throws Exception {
        Map<Fault, Integer> weights = new java.util.EnumMap<>(ChaosServer.everyFault());
        weights.put(Fault.ANSWER, 5); // one request in three answers properly; each fault comes one time in 14
        try (ChaosServer chaos = new ChaosServer(11, weights, Duration.ofSeconds(4), Duration.ofMillis(300))) {
            Path campaign = Files.writeString(dir.resolve("chaos.yaml"), """
                    name: chaos
                    targets:
                      - name: flaky
                        model: openai:chaos-model
                        base_url: %s
                        limits: {timeout_seconds: 1, max_attempts: %d, initial_backoff_ms: 10, max_backoff_seconds: 0.05,
                                 max_retry_after_seconds: 1}
                    seeds: {builtin: true, limit: %d}
                    strategies: [direct]
                    judges: [refusal]
                    limits: {concurrency: 8}
                    """.formatted(chaos.baseUrl(), MAX_ATTEMPTS, SEEDS));
            String db = dir.resolve("chaos.db").toString();

            CliRun run = CliRun.of("attack", "--campaign", campaign.toString(), "--db", db, "--json", "-q");

            assertThat(run.exitCode()).as(run.err()).isZero();
            Map<Fault, Integer> faults = chaos.counts();
            assertThat(faults.keySet()).as("the server showed most of its faults: %s", faults).hasSizeGreaterThanOrEqualTo(8);
            List<String[]> attacks = attacks(db);
            assertThat(attacks).hasSize(SEEDS);
            assertThat(attacks.stream().map(a -> a[0]).distinct()).as("no attack stored twice").hasSize(SEEDS);
            long done = attacks.stream().filter(a -> a[1].equals("done")).count();
            long errors = attacks.stream().filter(a -> a[1].equals("error")).count();
            assertThat(done + errors).as("every attack ended as a result or a recorded error").isEqualTo(SEEDS);
            assertThat(done).as("retries got attacks through (about 2 in 3 expected)").isGreaterThanOrEqualTo(SEEDS / 3);
            assertThat(errors).as("some attacks met three faults in a row (server counts: %s)", faults).isPositive();
            for (String[] attack : attacks) {
                if (attack[1].equals("done")) {
                    assertThat(attack[2]).as("a finished attack has a verdict").isIn("HIT", "PASS");
                    assertThat(attack[3]).as("and the reply it judged").matches("(Sure,|I can.t) .*");
                } else {
                    assertThat(attack[2]).isEqualTo("ERROR");
                    assertThat(attack[4]).as("an error says what went wrong").isNotBlank();
                    assertThat(attack[3]).as("a failed attack has no reply").isNull();
                }
            }
            int requests = chaos.requests();
            assertThat(requests).isBetween(SEEDS, SEEDS * MAX_ATTEMPTS);
            JsonNode summary = Json.mapper().readTree(run.out());
            assertThat(summary.get("run_now").asLong()).isEqualTo(SEEDS);

            CliRun resumed = CliRun.of("attack", "--campaign", campaign.toString(), "--db", db, "--resume", "--json", "-q");
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(Json.mapper().readTree(resumed.out()).get("run_now").asLong()).as("nothing runs twice").isZero();
            assertThat(chaos.requests()).isEqualTo(requests);
            assertThat(attacks(db)).hasSize(SEEDS);
        }
    }

    private static List<String[]> attacks(String db) {
        return Database.open(db).inTransaction(handle -> handle.createQuery(
                        "SELECT attack_key, status, verdict, reply, error FROM attacks ORDER BY attack_key")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
                .list());
    }
}
