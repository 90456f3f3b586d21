package org.redteam4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redteam4j.core.attempt.SyntheticAttempts;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.testing.TestFiles;

/** The synthetic 40,000-attempt hh-rlhf file of the tests, written once per JVM. */
final class SyntheticFiles {

    static final int COUNT = 40_000;
    private static Path file;

    private SyntheticFiles() {
    }

    static synchronized Path attempts40k() throws IOException {
        if (file == null) {
            Path dir = Files.createTempDirectory("redteam4j-spark-40k");
            file = TestFiles.attempts(dir.resolve("red_team_attempts_40k.json"), new SyntheticAttempts(7, COUNT),
                    JsonRecordWriter.Layout.ARRAY, false);
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
        }
        return file;
    }
}
