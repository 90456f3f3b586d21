package org.redteam4j.app.cli;

/** The exit codes every command uses (DESIGN.md §4). */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The run worked but a gate failed (for example {@code --fail-above}). */
    public static final int GATE_FAILED = 1;
    /** Bad usage or bad input; the message names the file, record and field. */
    public static final int BAD_INPUT = org.redteam4j.core.failure.Failure.BAD_INPUT_EXIT;
    /** An external failure: an endpoint, the database, the file system. */
    public static final int EXTERNAL_FAILURE = org.redteam4j.core.failure.Failure.EXTERNAL_FAILURE_EXIT;
    /** A bug in redteam4j; the message says where the details were logged. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCodes() {
    }
}
