package org.redteam4j.store;

/** The database could not be reached or refused an operation: an external failure, not bad input. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
