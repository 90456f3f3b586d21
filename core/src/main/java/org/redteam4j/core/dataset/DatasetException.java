package org.redteam4j.core.dataset;

/** A data file that cannot be read as the format it claims: bad input, never a bug. */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
