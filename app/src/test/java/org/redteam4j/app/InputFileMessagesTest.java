package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.testing.Requirement;

/**
 * Issue 15: a path that is not a readable file is named for what it is — a directory, a named
 * pipe, a device — instead of "no such file", by every command that reads one; and a malformed
 * UTF-8 byte is reported on its own line, with its column.
 */
@Tag("reliability")
class InputFileMessagesTest {

    private static final Duration NO_BLOCKING = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void anEmptyDirectoryIsCalledADirectory() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertRefused(run("import", empty.toString(), "--db", db()), empty + ": is a directory");
        assertRefused(run("attack", "--campaign", empty.toString(), "--db", db()), empty + ": is a directory");
        assertRefused(run("chat", "--targets", empty.toString(), "--target", "x", "hi"), empty + ": is a directory");
        assertRefused(run("analyze", "--tables", empty.toString(), "--out", dir.resolve("report").toString()),
                empty + ": is a directory");
    }

    @Test
    void aNamedPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("pipe");
        if (!mkfifo(fifo)) {
            Requirement.missing("mkfifo (coreutils) to make a named pipe");
        }

        assertRefused(run("import", fifo.toString(), "--db", db()), fifo + ": is not a regular file (a named pipe)");
        assertRefused(run("attack", "--campaign", fifo.toString(), "--db", db()), fifo + ": is not a regular file (a named pipe)");
        assertRefused(run("chat", "--targets", fifo.toString(), "--target", "x", "hi"), fifo + ": is not a regular file (a named pipe)");
    }

    @Test
    void aDeviceThatNeverEndsIsRefused() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            Requirement.missing("/dev/zero (a Unix system)");
        }

        assertRefused(run("import", zero.toString(), "--db", db()), "/dev/zero: is not a regular file (a character device)");
    }

    @Test
    void aMissingFileAndABrokenLinkAreToldApart() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("gone"));

        assertRefused(run("import", dir.resolve("missing.txt").toString(), "--db", db()), "missing.txt: no such file");
        assertRefused(run("import", link.toString(), "--db", db()), link + ": is a broken symbolic link");
    }

    @Test
    void badUtf8IsReportedOnItsOwnLineWithItsColumn() throws IOException {
        Path text = Files.write(dir.resolve("seeds.txt"), bytes("first seed\nsecond ~ seed\n"));
        Path lines = Files.write(dir.resolve("pairs.jsonl"), bytes("{\"chosen\": \"a\", \"rejected\": \"b\"}\n"
                + "{\"chosen\": \"~\", \"rejected\": \"b\"}\n"));
        Path csv = Files.write(dir.resolve("behaviours.csv"), bytes("Behavior,BehaviorID\nfine,1\n\"two\nlines\",2\nb~d,3\n"));
        Path yaml = Files.write(dir.resolve("campaign.yaml"), bytes("name: x\ntargets:\n  - model: s~m\n"));

        assertRefused(run("import", text.toString(), "--db", db()),
                text + ": record 2 (line 2): not valid UTF-8 text: byte 0xff at line 2, column 8");
        assertRefused(run("import", lines.toString(), "--db", db()),
                lines + ": record 2 (line 2): not valid UTF-8 text: byte 0xff at line 2, column 13");
        assertRefused(run("import", csv.toString(), "--db", db()),
                csv + ": record 3 (line 5): not valid UTF-8 text: byte 0xff at line 5, column 2");
        assertRefused(run("attack", "--campaign", yaml.toString(), "--db", db()),
                yaml + ": line 3, column 13: not valid UTF-8 text (byte 0xff)");
    }

    /** The text as UTF-8, with each {@code ~} turned into the byte 0xFF (never valid in UTF-8). */
    private static byte[] bytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '~') {
                bytes[i] = (byte) 0xff;
            }
        }
        return bytes;
    }

    private CliRun run(String... args) {
        return assertTimeoutPreemptively(NO_BLOCKING, () -> CliRun.of(args), "the command blocked on " + String.join(" ", args));
    }

    private String db() {
        return dir.resolve("rt.db").toString();
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(message);
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
