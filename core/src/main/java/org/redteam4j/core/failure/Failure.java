package org.redteam4j.core.failure;

/**
 * The root of redteam4j's one family of failures, which decides how a command ends: {@link
 * BadInput} (the user can fix it: exit 2) or {@link ExternalFailure} (something outside failed:
 * exit 3). Anything else that escapes is a bug (exit 4).
 */
public abstract sealed class Failure extends RuntimeException permits BadInput, ExternalFailure {

    /** The exit code of DESIGN.md §4 that this failure ends a command with. */
    public static final int BAD_INPUT_EXIT = 2;
    public static final int EXTERNAL_FAILURE_EXIT = 3;

    Failure(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract int exitCode();
}
