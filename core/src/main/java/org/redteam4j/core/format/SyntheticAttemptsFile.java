package org.redteam4j.core.format;

import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.attempt.SyntheticAttempts;

/** Writes generated attempts as a file of the hh-rlhf format: the input of the benchmarks. */
public final class SyntheticAttemptsFile {

    private SyntheticAttemptsFile() {
    }

    /**
     * Writes synthetic attempts as an hh-rlhf file, for benchmarks:
     * {@code java -cp redteam4j.jar org.redteam4j.core.format.SyntheticAttemptsFile COUNT FILE[.gz] [SEED [unique]]};
     * {@code unique} numbers every task description.
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticAttemptsFile COUNT FILE[.gz] [SEED [unique]]");
            System.exit(2);
        }
        java.nio.file.Path file = java.nio.file.Path.of(args[1]);
        try (java.io.OutputStream raw = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16);
             java.io.OutputStream out = args[1].endsWith(".gz") ? new java.util.zip.GZIPOutputStream(raw, 1 << 16) : raw;
             JsonRecordWriter<RedTeamAttempt> writer = JsonRecordWriter.attempts(out, JsonRecordWriter.Layout.ARRAY)) {
            SyntheticAttempts attempts = new SyntheticAttempts(args.length > 2 ? Long.parseLong(args[2]) : 38_961, Long.parseLong(args[0]));
            if (args.length > 3 && args[3].equals("unique")) {
                attempts.withUniqueDescriptions();
            }
            attempts.forEachRemaining(writer::write);
        }
    }
}
