package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attempt.SyntheticAttempts;
import org.redteam4j.core.testing.ChildJvm;
import org.redteam4j.core.testing.TestFiles;

/**
 * The released file has 38,961 records, 15 MB gzipped and 100+ MB of JSON; reading it must not
 * need memory that grows with it. A synthetic file of that shape is read in a JVM whose heap is
 * a quarter of the 256 MB the issue allows.
 */
class LargeFileMemoryTest {

    private static final int RECORDS = 40_000;

    @TempDir
    Path dir;

    @Test
    void readsFortyThousandRecordsInASixtyFourMegabyteHeap() throws Exception {
        Path file = TestFiles.attempts(dir.resolve("red_team_attempts.jsonl.gz"), new SyntheticAttempts(38_961, RECORDS),
                JsonRecordWriter.Layout.ARRAY, true);
        long jsonBytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            jsonBytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(jsonBytes).as("uncompressed size").isGreaterThan(100L << 20);

        ChildJvm.Result result = ChildJvm.run("64m", CountAttempts.class, file.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("records=" + RECORDS);
    }
}
