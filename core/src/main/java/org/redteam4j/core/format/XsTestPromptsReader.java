package org.redteam4j.core.format;

import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads XSTest's prompt file (the {@code xstest-prompts} format: a CSV with the header
 * {@code id,prompt,type,…}), one {@link XsTestPrompt} per row, safe and unsafe alike: the caller
 * chooses ({@link XsTestPrompt#safe()}). Errors name the file, record, line and column.
 */
public final class XsTestPromptsReader extends CsvRecordReader<XsTestPrompt> {

    static final List<String> COLUMNS = List.of("id", "prompt", "type");

    private XsTestPromptsReader(DataFile file) {
        super(file, COLUMNS, "XSTest's prompts header with the columns " + COLUMNS);
    }

    public static XsTestPromptsReader open(DataFile file) {
        return new XsTestPromptsReader(file);
    }

    @Override
    protected XsTestPrompt parse(CSVRecord record, RecordPosition position) {
        return new XsTestPrompt(required(record, "id", position), required(record, "prompt", position).strip(),
                required(record, "type", position).strip(), columns(record));
    }
}
