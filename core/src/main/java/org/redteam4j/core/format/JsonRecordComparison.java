package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Compares two files of JSON records (arrays or JSON Lines, plain or gzip) as JSON values, record
 * by record in constant memory: key order and formatting do not matter, values do.
 */
public final class JsonRecordComparison {

    private JsonRecordComparison() {
    }

    /** The first difference, described for a person, or empty when the files hold equal records. */
    public static Optional<String> firstDifference(Path expected, Path actual) {
        try (RecordReader<ObjectNode> left = JsonRecordReader.open(DataFile.open(expected), (node, position) -> node);
             RecordReader<ObjectNode> right = JsonRecordReader.open(DataFile.open(actual), (node, position) -> node)) {
            for (long record = 1; ; record++) {
                ObjectNode a = left.read();
                ObjectNode b = right.read();
                if (a == null && b == null) {
                    return Optional.empty();
                }
                if (a == null || b == null) {
                    return Optional.of((a == null ? actual : expected) + " has more records: record " + record
                            + " exists only there");
                }
                if (!a.equals(b)) {
                    return Optional.of("record " + record + " differs: " + fieldsThatDiffer(a, b));
                }
            }
        }
    }

    private static String fieldsThatDiffer(ObjectNode a, ObjectNode b) {
        StringBuilder fields = new StringBuilder();
        a.fieldNames().forEachRemaining(name -> {
            if (!a.get(name).equals(b.get(name))) {
                fields.append(fields.isEmpty() ? "" : ", ").append(name);
            }
        });
        b.fieldNames().forEachRemaining(name -> {
            if (!a.has(name)) {
                fields.append(fields.isEmpty() ? "" : ", ").append(name).append(" (only in the second)");
            }
        });
        return fields.toString();
    }
}
