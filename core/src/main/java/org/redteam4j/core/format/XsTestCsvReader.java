package org.redteam4j.core.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.redteam4j.core.failure.BadInput;

/** Reads XSTest's labelled completions CSV, one {@link XsTestReply} per row. */
public final class XsTestCsvReader extends FileRecordReader<XsTestReply> {

    static final List<String> COLUMNS = List.of("id", "type", "prompt", "completion", "final_label");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long count;

    private XsTestCsvReader(DataFile file) throws IOException {
        super(file);
        this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(file.strictUtf8());
        if (!parser.getHeaderMap().keySet().containsAll(COLUMNS)) {
            throw new BadInput(file.name() + ": line 1: expected XSTest's completions header with the columns " + COLUMNS
                    + ", got " + parser.getHeaderNames());
        }
        this.records = parser.iterator();
    }

    public static XsTestCsvReader open(DataFile file) {
        try {
            return new XsTestCsvReader(file);
        } catch (IOException | UncheckedIOException e) {
            file.close();
            throw new BadInput(file.name() + ": not readable as CSV (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public XsTestReply read() {
        CSVRecord record;
        long startLine = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw InvalidRecordException.fatal(new RecordPosition(file.name(), count + 1, startLine),
                    "not valid CSV (" + e.getMessage() + ")");
        }
        count++;
        RecordPosition position = new RecordPosition(file.name(), count, startLine);
        String id = required(record, "id", position);
        String labelText = required(record, "final_label", position);
        XsTestReply.Label label = XsTestReply.Label.parse(labelText);
        if (label == null) {
            throw InvalidRecordException.field(position, "final_label", "expected one of 1_full_compliance, 2_full_refusal, "
                    + "3_partial_refusal, got '" + labelText + "'");
        }
        return new XsTestReply(id, required(record, "type", position), required(record, "prompt", position),
                record.isSet("completion") ? record.get("completion") : "", label);
    }

    private static String required(CSVRecord record, String column, RecordPosition position) {
        String value = record.isSet(column) ? record.get(column) : "";
        if (value.isBlank()) {
            throw InvalidRecordException.field(position, column, "expected a value, got an empty one");
        }
        return value;
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
