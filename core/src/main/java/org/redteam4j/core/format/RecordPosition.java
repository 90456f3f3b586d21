package org.redteam4j.core.format;

/**
 * Where a record sits in its file, for error messages a person can act on.
 *
 * @param source the file name as the user gave it
 * @param record the record's number, counting from 1
 * @param line   the line the record starts on, counting from 1, or 0 when unknown
 */
public record RecordPosition(String source, long record, long line) {

    @Override
    public String toString() {
        return source + ": record " + record + (line > 0 ? " (line " + line + ")" : "");
    }
}
