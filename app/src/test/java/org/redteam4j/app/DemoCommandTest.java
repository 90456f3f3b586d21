package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsImportStatsAndExportAndChecksTheRoundTrip() {
        CliRun run = CliRun.of("demo", "--dir", dir.toString(), "--attempts", "300");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Attempts by model type and size (Table 1)")
                .contains("The export equals the input, record by record, as JSON values (300 records).");
        assertThat(dir.resolve("redteam4j-demo.db")).exists();
    }

    @Test
    void canRunAgainInTheSameFolder() {
        CliRun.of("demo", "--dir", dir.toString(), "--attempts", "50");

        CliRun again = CliRun.of("demo", "--dir", dir.toString(), "--attempts", "50");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("Imported 50 red-team attempts");
    }
}
