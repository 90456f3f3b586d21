package org.redteam4j.core.format;

import org.redteam4j.core.failure.BadInput;

/**
 * A record that does not follow its format. {@link #recoverable()} tells whether reading can go
 * on with the next record (a wrong field in well-formed JSON) or must stop (broken JSON, a
 * truncated gzip stream).
 */
public class InvalidRecordException extends BadInput {

    private final RecordPosition position;
    private final String field;
    private final String problem;
    private final boolean recoverable;

    public InvalidRecordException(RecordPosition position, String field, String problem, boolean recoverable) {
        super(describe(position, field, problem));
        this.position = position;
        this.field = field;
        this.problem = problem;
        this.recoverable = recoverable;
    }

    public static InvalidRecordException field(RecordPosition position, String field, String problem) {
        return new InvalidRecordException(position, field, problem, true);
    }

    public static InvalidRecordException fatal(RecordPosition position, String problem) {
        return new InvalidRecordException(position, null, problem, false);
    }

    public RecordPosition position() {
        return position;
    }

    /** The offending field, or null when the record as a whole is broken. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    public boolean recoverable() {
        return recoverable;
    }

    private static String describe(RecordPosition position, String field, String problem) {
        return position + (field == null ? "" : ", field \"" + field + "\"") + ": " + problem;
    }
}
