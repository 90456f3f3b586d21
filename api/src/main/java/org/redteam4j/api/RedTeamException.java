package org.redteam4j.api;

/**
 * A campaign could not be run: a bad campaign file (the message names the file and line), a
 * missing API key, an unreachable database. An attack whose target fails is not this: it counts as
 * an error in the result.
 */
public final class RedTeamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with the message the command line would print; {@code cause} may be null.
     *
     * @param message what went wrong, naming the file and line where there is one
     * @param cause the failure underneath, or null
     */
    public RedTeamException(String message, Throwable cause) {
        super(message, cause);
    }
}
