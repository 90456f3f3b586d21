package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsTheWholeSystemOffline() throws Exception {
        CliRun run = CliRun.of("demo", "--dir", dir.toString(), "--attempts", "60");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Attempts by model type and size (Table 1)")
                .contains("The export equals the input, record by record, as JSON values (60 records).")
                .contains("rlhf-52B").contains("rs-2.7B").contains("[simulated]")
                .contains("Open the report: ");
        assertThat(run.err()).contains("Scored 60 attempts");
        String report = java.nio.file.Files.readString(dir.resolve("report/index.html"));
        assertThat(report).contains("Simulated data.").contains("Automated campaigns").contains("rejection sampling 13B");
    }

    @Test
    void canRunAgainInTheSameFolder() {
        CliRun.of("demo", "--dir", dir.toString(), "--attempts", "20");

        CliRun again = CliRun.of("demo", "--dir", dir.toString(), "--attempts", "20");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("Imported 20 red-team attempts");
    }
}
