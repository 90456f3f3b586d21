package org.redteam4j.app.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.Main;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.testing.ChildJvm;

/** The probe's reproduction: a campaign asking for two billion repetitions, dry run, in a JVM of 64 MB. */
@Tag("reliability")
class AttackLimitsTest {

    @TempDir
    Path dir;

    @Test
    void twoBillionRepetitionsAreRefusedWithTheLineNotAnOutOfMemoryError() throws Exception {
        Path file = Files.writeString(dir.resolve("huge.yaml"), """
                name: huge
                targets:
                  - model: sim
                strategies:
                  - direct
                judges:
                  - refusal
                limits: {repetitions: 2000000000}
                """);

        ChildJvm.Result result = ChildJvm.run("64m", Main.class, "attack", "--campaign", file.toString(), "--dry-run",
                "--db", dir.resolve("huge.db").toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.BAD_INPUT);
        long planned = org.redteam4j.core.attack.BuiltinSeeds.all().size() * 2_000_000_000L; // every built-in seed
        assertThat(result.output()).contains(file + ": line 8: this campaign plans " + String.format("%,d", planned) + " attacks")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }
}
