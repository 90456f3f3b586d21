package org.redteam4j.core.format;

import java.nio.file.Path;
import org.redteam4j.core.failure.BadInput;

/** Reads a data file of the given format to the end; prints how many records, or the error and exits 2. */
public final class ReadToEnd {

    private ReadToEnd() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[1]);
        long records = 0;
        try (RecordReader<?> reader = switch (args[0]) {
            case "attempts" -> Datasets.redTeamAttempts(file);
            case "pairs" -> Datasets.preferencePairs(file);
            case "text" -> Datasets.textSeeds(file);
            case "csv" -> Datasets.harmBenchCsv(file);
            default -> throw new IllegalArgumentException(args[0]);
        }) {
            while (reader.read() != null) {
                records++;
            }
        } catch (BadInput e) {
            System.out.println("error: " + e.getMessage());
            System.exit(2);
        }
        System.out.println("records=" + records);
    }
}
