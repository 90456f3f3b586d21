package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.testing.ChildJvm;

/**
 * A single line of 300 million characters — a minified dump, a binary blob, a hostile upload —
 * read by every parser in a JVM with a 128 MB heap: each ends with its documented error, never an
 * out-of-memory error and never a hang. (The files are gzip, so they take little disk.)
 */
@Tag("reliability")
class HugeLineTest {

    private static final long HUGE = 300_000_000L;

    @TempDir
    Path dir;

    @Test
    void jsonLinesStopsAtTheLineLimit() throws Exception {
        assertRefused("attempts", huge("attempts.jsonl.gz", "{\"transcript\": \"", ""), "record 1 (line 1): a line longer than 16,777,216");
    }

    @Test
    void aJsonArrayStopsAtJacksonsStringLimit() throws Exception {
        assertRefused("attempts", huge("attempts.json.gz", "[{\"transcript\": \"", "\"}]"), "record 1 (line 1): not valid JSON");
    }

    @Test
    void preferencePairsStopAtTheLineLimit() throws Exception {
        assertRefused("pairs", huge("pairs.jsonl.gz", "{\"chosen\": \"", ""), "a line longer than");
    }

    @Test
    void textSeedsStopAtTheLineLimit() throws Exception {
        assertRefused("text", huge("seeds.txt.gz", "", ""), "record 1 (line 1): a line longer than");
    }

    @Test
    void harmBenchCsvStopsAtTheLineLimit() throws Exception {
        assertRefused("csv", huge("behaviors.csv.gz", "Behavior,BehaviorID\n", ""), "a line longer than");
    }

    private static void assertRefused(String format, Path file, String message) throws Exception {
        ChildJvm.Result result = ChildJvm.run("128m", ReadToEnd.class, format, file.toString());
        assertThat(result.output()).doesNotContain("OutOfMemoryError").contains(message);
        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
    }

    private Path huge(String name, String before, String after) throws IOException {
        Path file = dir.resolve(name);
        char[] chunk = new char[1 << 16];
        java.util.Arrays.fill(chunk, 'x');
        try (OutputStream raw = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
             Writer out = new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8)) {
            out.write(before);
            for (long written = 0; written < HUGE; written += chunk.length) {
                out.write(chunk);
            }
            out.write(after);
        }
        return file;
    }
}
