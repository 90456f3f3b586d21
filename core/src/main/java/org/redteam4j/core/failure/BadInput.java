package org.redteam4j.core.failure;

/**
 * Input the user can fix: a data file that is not the format it claims, a campaign or targets
 * file with a wrong key, options that do not fit together, a name already taken. The message
 * names the file, record or line and field where there is one. Never a bug.
 */
public non-sealed class BadInput extends Failure {

    public BadInput(String message) {
        super(message, null);
    }

    public BadInput(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final int exitCode() {
        return BAD_INPUT_EXIT;
    }
}
