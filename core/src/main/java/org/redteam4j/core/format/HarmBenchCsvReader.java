package org.redteam4j.core.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.failure.BadInput;

/**
 * Reads HarmBench behaviour CSV ({@code Behavior,FunctionalCategory,SemanticCategory,Tags,
 * ContextString,BehaviorID}). Only {@code Behavior} is required; the other columns may be absent.
 */
public final class HarmBenchCsvReader extends FileRecordReader<Seed> {

    public static final String BEHAVIOR = "Behavior";

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long count;

    private HarmBenchCsvReader(DataFile file) throws IOException {
        super(file);
        this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(file.strictUtf8());
        if (!parser.getHeaderMap().containsKey(BEHAVIOR)) {
            throw new BadInput(file.name() + ": line 1: expected a HarmBench header with a \"" + BEHAVIOR
                    + "\" column, got " + parser.getHeaderNames());
        }
        this.records = parser.iterator();
    }

    public static HarmBenchCsvReader open(DataFile file) {
        try {
            return new HarmBenchCsvReader(file);
        } catch (IOException e) {
            file.close();
            throw new BadInput(file.name() + ": line 1: " + problem(e), e);
        } catch (UncheckedIOException e) {
            file.close();
            throw new BadInput(file.name() + ": line 1: " + problem(e.getCause()), e);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public Seed read() {
        CSVRecord record;
        long startLine = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw InvalidRecordException.fatal(new RecordPosition(file.name(), count + 1, startLine),
                    problem(e.getCause()));
        } catch (IllegalStateException e) {
            throw InvalidRecordException.fatal(new RecordPosition(file.name(), count + 1, startLine),
                    "not valid CSV (" + e.getMessage() + ")");
        }
        count++;
        RecordPosition position = new RecordPosition(file.name(), count, startLine);
        checkWidth(record, position);
        String behavior = column(record, BEHAVIOR);
        if (behavior == null) {
            throw InvalidRecordException.field(position, BEHAVIOR, "expected the text of a behaviour, got an empty value");
        }
        return new Seed(behavior, column(record, "BehaviorID"), column(record, "FunctionalCategory"),
                column(record, "SemanticCategory"), tags(column(record, "Tags")), column(record, "ContextString"));
    }

    /** A record has one value per header column: an extra value has no column, a missing one shifts the rest. */
    private void checkWidth(CSVRecord record, RecordPosition position) {
        List<String> columns = parser.getHeaderNames();
        if (record.size() > columns.size()) {
            throw InvalidRecordException.field(position, null, record.size() + " values, but the header names " + columns.size()
                    + " columns; value " + (columns.size() + 1) + " (\"" + abbreviate(record.get(columns.size()))
                    + "\") has no column (is a comma inside a value not quoted?)");
        }
        if (record.size() < columns.size()) {
            throw InvalidRecordException.field(position, columns.get(record.size()), "missing: " + record.size()
                    + " values, but the header names " + columns.size() + " columns");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** A CSV syntax error, or a failure to read the text at all (bad UTF-8, a truncated file). */
    private static String problem(IOException e) {
        return e instanceof CSVException ? "not valid CSV (" + e.getMessage() + ")" : DataFile.problem(e);
    }

    private static String column(CSVRecord record, String name) {
        if (!record.isMapped(name) || !record.isSet(name)) {
            return null;
        }
        String value = record.get(name);
        return value.isBlank() ? null : value;
    }

    private static List<String> tags(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            super.close();
        }
    }
}
