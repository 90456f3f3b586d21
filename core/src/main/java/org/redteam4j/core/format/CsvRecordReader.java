package org.redteam4j.core.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.redteam4j.core.failure.BadInput;

/**
 * The part every reader of a CSV file with a header shares: the header check, each row's position
 * for errors (record number and the line it starts on), one value per header column, and CSV
 * syntax or unreadable text (bad UTF-8, a truncated file) as a fatal record error.
 */
abstract class CsvRecordReader<T> extends FileRecordReader<T> {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long count;

    /** {@code expected} says in words which header the required columns make, for the error. */
    CsvRecordReader(DataFile file, List<String> required, String expected) {
        super(file);
        try {
            this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(file.strictUtf8());
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
        List<String> missing = required.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
        if (!missing.isEmpty()) {
            close();
            throw new BadInput(file.name() + ": line 1: expected " + expected + ", got " + parser.getHeaderNames()
                    + ": column \"" + missing.get(0) + "\" is missing");
        }
        this.records = parser.iterator();
    }

    /** The column names of a CSV header line, parsed as the readers parse it; empty when it is not one CSV line. */
    static List<String> header(String line) {
        try (CSVParser header = CSVFormat.DEFAULT.parse(new java.io.StringReader(line))) {
            Iterator<CSVRecord> first = header.iterator();
            return first.hasNext() ? first.next().stream().toList() : List.of();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of(); // not a header a reader would accept either; the caller reports the line
        }
    }

    /** One row as a record; errors name {@code position} and the column. */
    protected abstract T parse(CSVRecord record, RecordPosition position);

    @Override
    public final T read() {
        CSVRecord record;
        long startLine = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw InvalidRecordException.fatal(new RecordPosition(file.name(), count + 1, startLine), problem(e.getCause()));
        } catch (IllegalStateException e) {
            throw InvalidRecordException.fatal(new RecordPosition(file.name(), count + 1, startLine),
                    "not valid CSV (" + e.getMessage() + ")");
        }
        count++;
        RecordPosition position = new RecordPosition(file.name(), count, startLine);
        checkWidth(record, position);
        return parse(record, position);
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

    /** Every column of the row by header name; an empty value is an empty string. */
    protected static java.util.Map<String, String> columns(CSVRecord record) {
        java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
        record.toMap().forEach((name, value) -> columns.put(name, value == null ? "" : value));
        return columns;
    }

    /** A column's value, or null when the column is absent, unset or blank. */
    protected static String optional(CSVRecord record, String name) {
        if (!record.isMapped(name) || !record.isSet(name)) {
            return null;
        }
        String value = record.get(name);
        return value.isBlank() ? null : value;
    }

    /** A column's value; blank or absent is an error naming the record and column. */
    protected static String required(CSVRecord record, String name, RecordPosition position) {
        String value = optional(record, name);
        if (value == null) {
            throw InvalidRecordException.field(position, name, "expected a value, got an empty one");
        }
        return value;
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            super.close();
        }
    }
}
