package org.redteam4j.core.format;

import java.nio.file.Path;
import org.redteam4j.core.attempt.RedTeamAttempt;

/** Reads an attempts file to the end and prints how many records and transcript characters it held. */
public final class CountAttempts {

    private CountAttempts() {
    }

    public static void main(String[] args) {
        long records = 0;
        long characters = 0;
        try (RecordReader<RedTeamAttempt> reader = Datasets.redTeamAttempts(Path.of(args[0]))) {
            for (RedTeamAttempt attempt = reader.read(); attempt != null; attempt = reader.read()) {
                records++;
                characters += attempt.transcript().text().length();
            }
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.println("records=" + records + " characters=" + characters
                + " maxHeapMiB=" + runtime.maxMemory() / (1 << 20));
    }
}
