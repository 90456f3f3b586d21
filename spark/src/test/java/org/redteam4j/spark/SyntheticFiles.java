package org.redteam4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redteam4j.core.attempt.SyntheticAttempts;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.testing.TestFiles;

/** The synthetic 10,000-attempt hh-rlhf file of the tests (40,000 in bench/spark-score-40k.sh), written once per JVM. */
final class SyntheticFiles {

    static final int COUNT = 10_000;
    private static Path file;

    private SyntheticFiles() {
    }

    static synchronized Path attempts() throws IOException {
        if (file == null) {
            Path dir = Files.createTempDirectory("redteam4j-spark-10k");
            file = TestFiles.attempts(dir.resolve("red_team_attempts_10k.json"), new SyntheticAttempts(7, COUNT),
                    JsonRecordWriter.Layout.ARRAY, false);
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
        }
        return file;
    }
}
