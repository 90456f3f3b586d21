package org.redteam4j.core.chat;

/** A failure that repeats: the same request fails the same way. */
public abstract class NonRetriableException extends ChatModelException {

    protected NonRetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean retriable() {
        return false;
    }
}
