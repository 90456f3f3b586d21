package org.redteam4j.app;

/** The options make sense one by one but not together, or name something that does not exist. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
