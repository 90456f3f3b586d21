package org.redteam4j.core.format;

import java.util.List;
import org.apache.commons.csv.CSVRecord;

/** Reads XSTest's labelled completions CSV, one {@link XsTestReply} per row. */
public final class XsTestCsvReader extends CsvRecordReader<XsTestReply> {

    static final String COMPLETION = "completion";
    static final List<String> COLUMNS = List.of("id", "type", "prompt", COMPLETION, "final_label");

    private XsTestCsvReader(DataFile file) {
        super(file, COLUMNS, "XSTest's completions header with the columns " + COLUMNS);
    }

    public static XsTestCsvReader open(DataFile file) {
        return new XsTestCsvReader(file);
    }

    @Override
    protected XsTestReply parse(CSVRecord record, RecordPosition position) {
        String id = required(record, "id", position);
        String labelText = required(record, "final_label", position);
        XsTestReply.Label label = XsTestReply.Label.parse(labelText);
        if (label == null) {
            throw InvalidRecordException.field(position, "final_label", "expected one of 1_full_compliance, 2_full_refusal, "
                    + "3_partial_refusal, got '" + labelText + "'");
        }
        String completion = optional(record, "completion");
        return new XsTestReply(id, required(record, "type", position), required(record, "prompt", position),
                completion == null ? "" : completion, label, columns(record));
    }
}
