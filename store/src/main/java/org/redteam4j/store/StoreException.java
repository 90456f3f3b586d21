package org.redteam4j.store;

import org.redteam4j.core.failure.ExternalFailure;

/** The database could not be reached or refused an operation: an external failure, not bad input. */
public class StoreException extends ExternalFailure {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The database may be back later (a restart); the ledger's own retry decides how long to wait. */
    @Override
    public boolean retriable() {
        return true;
    }
}
