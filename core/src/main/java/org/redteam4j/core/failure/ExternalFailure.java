package org.redteam4j.core.failure;

/**
 * Something outside redteam4j failed: a model endpoint, the database, the file system.
 * {@link #retriable()} says whether the same request may succeed later.
 */
public abstract non-sealed class ExternalFailure extends Failure {

    protected ExternalFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract boolean retriable();

    @Override
    public final int exitCode() {
        return EXTERNAL_FAILURE_EXIT;
    }
}
