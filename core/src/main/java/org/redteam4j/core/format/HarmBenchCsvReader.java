package org.redteam4j.core.format;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.redteam4j.core.attack.Seed;

/**
 * Reads HarmBench behaviour CSV ({@code Behavior,FunctionalCategory,SemanticCategory,Tags,
 * ContextString,BehaviorID}). Only {@code Behavior} is required; the other columns may be absent.
 */
public final class HarmBenchCsvReader extends CsvRecordReader<Seed> {

    public static final String BEHAVIOR = "Behavior";

    private HarmBenchCsvReader(DataFile file) {
        super(file, List.of(BEHAVIOR), "a HarmBench header with a \"" + BEHAVIOR + "\" column");
    }

    public static HarmBenchCsvReader open(DataFile file) {
        return new HarmBenchCsvReader(file);
    }

    @Override
    protected Seed parse(CSVRecord record, RecordPosition position) {
        String behavior = optional(record, BEHAVIOR);
        if (behavior == null) {
            throw InvalidRecordException.field(position, BEHAVIOR, "expected the text of a behaviour, got an empty value");
        }
        return new Seed(behavior, optional(record, "BehaviorID"), optional(record, "FunctionalCategory"),
                optional(record, "SemanticCategory"), tags(optional(record, "Tags")), optional(record, "ContextString"));
    }

    private static List<String> tags(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }
}
