package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redteam4j.store.TestDatabases.count;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.SyntheticAttemptsFile;
import org.redteam4j.core.testing.ChildJvm;
import org.redteam4j.core.testing.SharedData;

/**
 * kill -9 at random, seeded moments of import, score and attack, each run in its own JVM; after
 * every kill the database must be whole — no half attempt, no orphan turn, no half-scored
 * attempt, no attack twice — and a final run must finish the work with the right totals.
 */
@Tag("reliability")
class CrashSafetyTest {

    private static final long SEED = 20_261_128;
    private static final int KILLS_PER_COMMAND = 8;
    private static final String HEAP = "512m";

    @TempDir
    Path dir;

    @Test
    void importIsAllOrNothingUnderKills() throws Exception {
        Path file = dir.resolve("attempts.json");
        SyntheticAttemptsFile.main(new String[] {"6000", file.toString(), "3"});
        String db = dir.resolve("import.db").toString();
        int landed = killRepeatedly(new SplittableRandom(SEED), 500, 3500, () -> {
            long attempts = count(db, "SELECT COUNT(*) FROM attempts");
            assertThat(attempts).as("all or nothing").isIn(0L, 6000L);
            assertWhole(db);
        }, "import", file.toString(), "--db", db, "-q");
        assertThat(landed).as("kills that hit a running import").isGreaterThanOrEqualTo(KILLS_PER_COMMAND / 4);

        assertThat(child("import", file.toString(), "--db", db, "-q").exitCode()).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM attempts")).isEqualTo(6000);
        assertWhole(db);
    }

    @Test
    void scoringKeepsEachAttemptWholeUnderKills() throws Exception {
        Path file = dir.resolve("attempts.json");
        SyntheticAttemptsFile.main(new String[] {"20000", file.toString(), "4"});
        String db = dir.resolve("score.db").toString();
        assertThat(CliRun.of("import", file.toString(), "--db", db, "-q").exitCode()).isZero();
        // two heads taking turns, so that every run has all attempts to (re)score, not just what the last one left
        List<String> scorers = List.of(lexicalHead("a", 1), lexicalHead("b", 2));
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int landed = 0;
        for (int round = 0; round < KILLS_PER_COMMAND / 2; round++) {
            for (String scorer : scorers) {
                landed += killRepeatedly(random, 1000, 5000, 1, () -> assertScoresWhole(db),
                        "score", "--db", db, "--scorer", scorer, "--rescore", "-q");
            }
        }
        assertThat(landed).isGreaterThanOrEqualTo(KILLS_PER_COMMAND / 4);

        // the default compilers here: scoring 20,000 attempts runs long enough for C2 to pay off
        assertThat(ChildJvm.run(HEAP, Main.class, "score", "--db", db, "--scorer", scorers.get(0), "--rescore", "-q").exitCode())
                .isZero();
        assertScoresWhole(db);
        assertThat(count(db, "SELECT COUNT(*) FROM attempts WHERE scored_by = 'pm:lexical-a.json[lexical]'")).isEqualTo(20000);
    }

    private String lexicalHead(String name, int seed) {
        Path head = dir.resolve("lexical-" + name + ".json");
        CliRun trained = CliRun.of("train-pm", "--data", SharedData.harmlessBaseDev().toString(), "--embedders", "none",
                "--seed", String.valueOf(seed), "--out", head.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        return "pm:" + head;
    }

    @Test
    void aCampaignResumesWithoutLosingOrRepeatingAttacks() throws Exception {
        Path campaign = Files.writeString(dir.resolve("campaign.yaml"), """
                name: crash
                targets:
                  - {name: slow, model: sim, sim: {latency_ms: 250, seed: 5}}
                seeds: {builtin: true, limit: 36}
                strategies: [direct, {template: role-play}]
                judges: [refusal]
                limits: {concurrency: 2}
                """);
        String db = dir.resolve("attack.db").toString();
        int landed = killRepeatedly(new SplittableRandom(SEED + 2), 1500, 4000, () -> {
            assertThat(count(db, "SELECT COUNT(*) - COUNT(DISTINCT attack_key) FROM attacks")).as("no attack twice").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM attacks WHERE status = 'done' AND (reply IS NULL OR verdicts_json IS NULL)"))
                    .as("no half-recorded attack").isZero();
        }, "attack", "--campaign", campaign.toString(), "--db", db, "--resume", "-q");
        assertThat(landed).isGreaterThanOrEqualTo(KILLS_PER_COMMAND / 4);

        ChildJvm.Result last = child("attack", "--campaign", campaign.toString(), "--db", db, "--resume",
                "-q", "--json");
        assertThat(last.exitCode()).as(last.output()).isZero();
        long planned = count(db, "SELECT COUNT(*) FROM attacks");
        assertThat(planned).as("the first 36 built-in seeds × 2 strategies").isEqualTo(36 * 2);
        assertThat(count(db, "SELECT COUNT(*) FROM attacks WHERE status IN ('done', 'error')")).isEqualTo(planned);
        assertThat(count(db, "SELECT COUNT(DISTINCT attack_key) FROM attacks")).isEqualTo(planned);
    }

    /**
     * A short command run to its end in a JVM of its own, with the quick compiler only ({@link ChildJvm#SHORT_LIVED}),
     * like the children that are killed within seconds: about a third less CPU for the same work.
     */
    private static ChildJvm.Result child(String... command) throws Exception {
        return ChildJvm.run(ChildJvm.SHORT_LIVED, HEAP, Main.class, command);
    }

    /** Starts the command, kills it with SIGKILL after a seeded delay, checks the database; returns the kills that hit a live run. */
    private int killRepeatedly(SplittableRandom random, int fromMs, int toMs, Check check, String... command) throws Exception {
        return killRepeatedly(random, fromMs, toMs, KILLS_PER_COMMAND, check, command);
    }

    private int killRepeatedly(SplittableRandom random, int fromMs, int toMs, int kills, Check check, String... command)
            throws Exception {
        File log = dir.resolve("child.log").toFile();
        int landed = 0;
        for (int i = 0; i < kills; i++) {
            Process child = ChildJvm.start(log, ChildJvm.SHORT_LIVED, HEAP, Main.class, command);
            long delay = random.nextLong(fromMs, toMs);
            if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                landed++;
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            check.run();
        }
        return landed;
    }

    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }

    private static void assertWhole(String db) {
        assertThat(count(db, "SELECT COUNT(*) FROM turns t WHERE NOT EXISTS (SELECT 1 FROM attempts a WHERE a.id = t.attempt_id)"))
                .as("orphan turns").isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM attempts a WHERE NOT EXISTS (SELECT 1 FROM turns t WHERE t.attempt_id = a.id)"))
                .as("attempts without their turns").isZero();
    }

    /** Each attempt is either wholly scored by one head — every assistant turn and their minimum — or by none. */
    private static void assertScoresWhole(String db) {
        assertWhole(db);
        assertThat(count(db, """
                SELECT COUNT(*) FROM attempts a WHERE a.scored_by IS NOT NULL AND EXISTS (
                    SELECT 1 FROM turns t WHERE t.attempt_id = a.id AND t.speaker = 'assistant' AND t.harmlessness_score IS NULL)"""))
                .as("scored attempts with an unscored assistant turn").isZero();
        assertThat(count(db, """
                SELECT COUNT(*) FROM attempts a WHERE a.scored_by IS NOT NULL AND a.min_harmlessness_score <>
                    (SELECT MIN(t.harmlessness_score) FROM turns t WHERE t.attempt_id = a.id)"""))
                .as("scored attempts whose minimum is not the minimum of their turns").isZero();
        assertThat(count(db, """
                SELECT COUNT(*) FROM attempts a WHERE a.scored_by IS NULL AND EXISTS (
                    SELECT 1 FROM turns t WHERE t.attempt_id = a.id AND t.harmlessness_score IS NOT NULL)"""))
                .as("unscored attempts with turn scores (half a batch)").isZero();
    }
}
