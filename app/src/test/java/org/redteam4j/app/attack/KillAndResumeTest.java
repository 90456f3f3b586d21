package org.redteam4j.app.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.Cli;
import org.redteam4j.app.Main;
import org.redteam4j.core.testing.ChildJvm;
import org.redteam4j.store.Database;

/**
 * Kills a real child process running a campaign (SIGKILL, no chance to clean up) three times at
 * different points, then resumes: every planned attack ends up recorded exactly once, and what
 * finished before a kill is never run again.
 */
@Tag("reliability")
class KillAndResumeTest {

    @TempDir
    Path dir;

    private static final String CAMPAIGN = """
            name: kill-test
            targets:
              - name: slow-a
                model: sim
                sim: {latency_ms: 20, seed: 1}
              - name: slow-b
                model: sim
                sim: {latency_ms: 20, seed: 2}
            seeds: {builtin: true, limit: 36}
            strategies:
              - direct
              - template: role-play
              - template: hypothetical
              - converters: [rot13]
            judges:
              - refusal
            limits: {concurrency: 4}
            """;
    private static final int PLANNED = 36 * 4 * 2;

    @Test
    void survivesKillNineAndResumesExactly() throws Exception {
        Path file = Files.writeString(dir.resolve("campaign.yaml"), CAMPAIGN);
        String db = dir.resolve("kill.db").toString();
        Database database = Database.open(db);
        Map<String, String> before = Map.of();
        int[] killAt = {20, 90, 170};
        for (int kill : killAt) {
            Process child = start(file, db, kill == killAt[0] ? List.of() : List.of("--resume"));
            long deadline = System.currentTimeMillis() + 120_000;
            while (finishedRows(database) < kill && child.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the campaign should still be running when killed").isTrue();
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Map<String, String> now = finishTimes(database);
            assertThat(now).containsAllEntriesOf(before); // nothing finished earlier was redone or lost
            before = now;
        }

        StringWriter out = new StringWriter();
        int code = Cli.run(new String[] {"attack", "--campaign", file.toString(), "--db", db, "--resume", "-q"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));

        assertThat(code).isZero();
        assertThat(finishedRows(database)).isEqualTo(PLANNED);
        long rows = database.inTransaction(h -> h.createQuery("SELECT COUNT(*) FROM attacks").mapTo(Long.class).one());
        assertThat(rows).isEqualTo(PLANNED);
        assertThat(finishTimes(database)).containsAllEntriesOf(before);
    }

    private static long finishedRows(Database database) {
        return database.inTransaction(h -> h.createQuery(
                "SELECT COUNT(*) FROM attacks WHERE status IN ('done', 'error')").mapTo(Long.class).one());
    }

    private static Map<String, String> finishTimes(Database database) {
        return database.inTransaction(h -> {
            Map<String, String> times = new java.util.HashMap<>();
            h.createQuery("SELECT attack_key, finished_at FROM attacks WHERE status IN ('done', 'error')")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), String.valueOf(rs.getTimestamp(2))))
                    .forEach(e -> times.put(e.getKey(), e.getValue()));
            return times;
        });
    }

    private static Process start(Path file, String db, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java"));
        command.addAll(ChildJvm.SHORT_LIVED); // a child killed within seconds: C2's compiling would be wasted CPU
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of("attack", "--campaign", file.toString(), "--db", db, "-q"));
        command.addAll(extra);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
