package org.redteam4j.core.format;

import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled jailbreak answers as CSV ({@code question,answer,label}, label 1 when the answer
 * is a successful jailbreak, 0 when not), the shape of the published judge-agreement sets. Other
 * columns become attributes.
 */
public final class QuestionAnswerLabelCsvReader extends CsvRecordReader<LabelledReply> {

    static final List<String> COLUMNS = List.of("question", "answer", "label");

    private QuestionAnswerLabelCsvReader(DataFile file) {
        super(file, COLUMNS, "a header with the columns " + COLUMNS);
    }

    public static QuestionAnswerLabelCsvReader open(DataFile file) {
        return new QuestionAnswerLabelCsvReader(file);
    }

    @Override
    protected LabelledReply parse(CSVRecord record, RecordPosition position) {
        String label = required(record, "label", position).strip();
        if (!label.equals("0") && !label.equals("1")) {
            throw InvalidRecordException.field(position, "label", "expected 1 (a successful jailbreak) or 0, got '" + label + "'");
        }
        String answer = optional(record, "answer");
        Map<String, String> attributes = new java.util.LinkedHashMap<>(columns(record));
        attributes.keySet().removeAll(COLUMNS);
        return new LabelledReply(required(record, "question", position), answer == null ? "" : answer, null,
                label.equals("1"), attributes);
    }
}
