package org.redteam4j.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.Main;
import org.redteam4j.core.testing.ChildJvm;

/**
 * An OutOfMemoryError anywhere ends the process with exit code 4 and a crash log, in child JVMs of
 * 32 MB run with the option the launcher sets: on the main thread, in another thread, and caught and
 * dropped by the code that hit it.
 */
@Tag("reliability")
class OutOfMemoryTest {

    private static final Pattern WRITTEN = Pattern.compile("Details were written to (\\S+); please include");

    @TempDir
    Path dir;

    private ChildJvm.Result child(Class<?> main, String... args) throws Exception {
        return ChildJvm.run(List.of("-D" + CrashLog.DIRECTORY_PROPERTY + "=" + dir.resolve("crash"), OutOfMemory.JVM_OPTION),
                "32m", main, args);
    }

    private static String crashLog(ChildJvm.Result result) throws Exception {
        Matcher written = WRITTEN.matcher(result.output());
        assertThat(written.find()).as(result.output()).isTrue();
        Path log = Path.of(written.group(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        return Files.readString(log);
    }

    @Test
    void theLauncherRunsJavaWithTheOption() throws Exception {
        Path launcher = Path.of("..", "redteam4j");

        assertThat(Files.readString(launcher)).contains("exec java '" + OutOfMemory.JVM_OPTION + "' ");
    }

    @Test
    void aPlanTooBigForTheHeapExitsFourWithACrashLogNotARawTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("million.yaml"), """
                name: million
                targets:
                  - model: sim
                seeds: {limit: 1}
                strategies:
                  - direct
                judges:
                  - refusal
                limits: {repetitions: 1000000}
                """);

        ChildJvm.Result result = child(Main.class, "attack", "--campaign", file.toString(), "--dry-run",
                "--db", dir.resolve("million.db").toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(result.output()).contains("redteam4j: out of memory (java.lang.OutOfMemoryError: Java heap space)")
                .contains("at most 32 MB").doesNotContain("\tat ");
        assertThat(crashLog(result)).contains("java.lang.OutOfMemoryError: Java heap space")
                .contains("at org.redteam4j.core.campaign.CampaignPlan.of");
    }

    @Test
    void anErrorInAnotherThreadEndsTheProcess() throws Exception {
        ChildJvm.Result result = child(OutOfMemoryProbe.class, "uncaught");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(crashLog(result)).contains("java.lang.OutOfMemoryError: Java heap space").contains("OutOfMemoryProbe");
    }

    @Test
    void anErrorCaughtAndDroppedStillEndsTheProcessThroughTheJvmOption() throws Exception {
        ChildJvm.Result result = child(OutOfMemoryProbe.class, "dropped");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(result.output()).contains("caught and dropped it");
        assertThat(crashLog(result)).contains("OutOfMemoryError: reported by the JVM").contains("thread main");
    }
}
