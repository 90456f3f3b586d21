package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redteam4j.store.TestDatabases.count;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.store.TestDatabases;

/**
 * The PostgreSQL server goes away under a running campaign — every connection cut and none
 * allowed for three seconds, as in a restart — and comes back: the campaign reconnects, loses
 * nothing and stores nothing twice.
 */
@Tag("reliability")
class PostgresOutageTest {

    @TempDir
    Path dir;

    @Test
    void aCampaignRidesOutADatabaseRestart() throws Exception {
        String db = TestDatabases.createPostgres();
        String name = TestDatabases.databaseName(db);
        String admin = TestDatabases.postgresAdminUrl();
        try {
            Path campaign = Files.writeString(dir.resolve("campaign.yaml"), """
                    name: outage
                    targets:
                      - {name: slow, model: sim, sim: {latency_ms: 300, seed: 9}}
                    seeds: {builtin: true, limit: 36}
                    strategies: [direct, {template: hypothetical}]
                    judges: [refusal]
                    limits: {concurrency: 4}
                    """);
            CliRun.of("stats", "--db", db); // creates the schema before the clock starts
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() ->
                    CliRun.of("attack", "--campaign", campaign.toString(), "--db", db, "--json", "-q"));
            awaitFirstAttack(db); // the outage must come while attacks are being recorded, however slow the setup
            TestDatabases.execute(admin, "ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
            TestDatabases.execute(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            assertThat(run).as("the campaign waits for the database instead of ending").isNotDone();
            Thread.sleep(3_000);
            TestDatabases.execute(admin, "ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");

            CliRun result = run.get(2, TimeUnit.MINUTES);

            assertThat(result.exitCode()).as(result.err()).isZero();
            long planned = 36 * 2;
            assertThat(count(db, "SELECT COUNT(*) FROM attacks WHERE status IN ('done', 'error')")).isEqualTo(planned);
            assertThat(count(db, "SELECT COUNT(DISTINCT attack_key) FROM attacks")).isEqualTo(planned);
            assertThat(count(db, "SELECT COUNT(*) FROM attacks WHERE status = 'done' AND reply IS NULL")).isZero();
        } finally {
            TestDatabases.execute(admin, "ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
            TestDatabases.dropPostgres(db);
        }
    }

    /** Waits (at most a minute) until the campaign has committed its first attack. */
    private static void awaitFirstAttack(String db) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (count(db, "SELECT COUNT(*) FROM attacks WHERE status = 'done'") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the campaign committed no attack within a minute");
    }
}
