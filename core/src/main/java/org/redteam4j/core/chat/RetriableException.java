package org.redteam4j.core.chat;

/** A failure that may pass: the same request can succeed later. */
public abstract class RetriableException extends ChatModelException {

    protected RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean retriable() {
        return true;
    }
}
