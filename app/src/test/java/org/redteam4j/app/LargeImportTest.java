package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attempt.SyntheticAttempts;
import org.redteam4j.core.format.JsonRecordComparison;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.testing.ChildJvm;
import org.redteam4j.core.testing.TestFiles;
import org.redteam4j.store.TestDatabases;

/**
 * Imports and exports a synthetic file the size of the released one (40,000 records, 100+ MB of
 * JSON) with the command line in a JVM limited to the 256 MB heap the issue sets.
 */
@Tag("reliability")
class LargeImportTest {

    /** The 40,000-record input, written once for both databases. */
    @TempDir
    static Path shared;
    private static Path input;

    @TempDir
    Path dir;

    private String postgres;

    @AfterEach
    void dropPostgres() {
        if (postgres != null) {
            TestDatabases.dropPostgres(postgres);
        }
    }

    @Test
    void intoSqlite() throws Exception {
        roundTrip(TestDatabases.sqlite(dir));
    }

    @Test
    void intoPostgres() throws Exception {
        postgres = TestDatabases.createPostgres();
        roundTrip(postgres);
    }

    private static synchronized Path input() throws Exception {
        if (input == null) {
            input = TestFiles.attempts(shared.resolve("red_team_attempts.jsonl.gz"), new SyntheticAttempts(38_961, 40_000),
                    JsonRecordWriter.Layout.ARRAY, true);
        }
        return input;
    }

    private void roundTrip(String db) throws Exception {
        Path input = input();
        Path output = dir.resolve("export.json.gz");

        ChildJvm.Result imported = ChildJvm.run("256m", Main.class, "import", input.toString(), "--db", db, "--quiet");
        ChildJvm.Result exported = ChildJvm.run("256m", Main.class, "export", "--out", output.toString(), "--db", db, "--quiet");

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("Imported 40,000 red-team attempts");
        assertThat(exported.exitCode()).as(exported.output()).isZero();
        assertThat(JsonRecordComparison.firstDifference(input, output)).isEmpty();
    }
}
