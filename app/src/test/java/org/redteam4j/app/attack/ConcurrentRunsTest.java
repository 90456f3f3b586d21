package org.redteam4j.app.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.Cli;
import org.redteam4j.app.Main;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.testing.ChildJvm;
import org.redteam4j.store.Database;

/**
 * Two runs of one campaign at once: the second is refused (naming the process that runs it) instead
 * of executing the same attacks again; once that process is killed with SIGKILL, a --resume at once
 * takes the campaign over and finishes it, every attack recorded once.
 */
@Tag("reliability")
class ConcurrentRunsTest {

    @TempDir
    Path dir;

    private static final String CAMPAIGN = """
            name: once
            targets:
              - name: slow
                model: sim
                sim: {latency_ms: 40, seed: 3}
            seeds: {builtin: true, limit: 36}
            strategies:
              - direct
              - template: role-play
              - template: hypothetical
              - converters: [rot13]
            judges:
              - llm: sim
            limits: {concurrency: 1}
            """;
    private static final int PLANNED = 36 * 4;

    private static int run(StringWriter err, String... args) {
        return Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    }

    @Test
    void aSecondRunIsRefusedAndAResumeAfterKillNineTakesOver() throws Exception {
        Path file = Files.writeString(dir.resolve("once.yaml"), CAMPAIGN);
        String db = dir.resolve("once.db").toString();
        Database database = Database.open(db);
        Process first = ChildJvm.start(dir.resolve("first.log").toFile(), ChildJvm.SHORT_LIVED, "256m", Main.class, // killed below
                "attack", "--campaign", file.toString(), "--db", db, "-q");
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            while (finished(database) < 5 && first.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(first.isAlive()).as(Files.readString(dir.resolve("first.log"))).isTrue();

            StringWriter refused = new StringWriter();
            int code = run(refused, "attack", "--campaign", file.toString(), "--db", db, "-q", "--resume");

            assertThat(code).as(refused.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.toString()).contains("campaign 'once' is already being run by process " + first.pid() + " on ");
            assertThat(first.isAlive()).as("the first run was still running: the second was refused, not late").isTrue();
        } finally {
            first.destroyForcibly(); // SIGKILL: its lease stays behind
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long before = finished(database);
        assertThat(before).isLessThan(PLANNED);

        StringWriter resumed = new StringWriter();
        int code = run(resumed, "attack", "--campaign", file.toString(), "--db", db, "-q", "--resume");

        assertThat(code).as(resumed.toString()).isZero();
        assertThat(finished(database)).isEqualTo(PLANNED);
        assertThat(count(database, "SELECT COUNT(*) FROM attacks")).isEqualTo(PLANNED);
        assertThat(count(database, "SELECT COUNT(*) FROM campaign_leases")).as("given up at the end").isZero();
    }

    private static long finished(Database database) {
        return count(database, "SELECT COUNT(*) FROM attacks WHERE status IN ('done', 'error')");
    }

    private static long count(Database database, String sql) {
        return database.inTransaction(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
