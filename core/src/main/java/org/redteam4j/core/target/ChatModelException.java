package org.redteam4j.core.target;

/** A call to a model failed. {@link #retriable()} says whether trying again may help. */
public abstract class ChatModelException extends RuntimeException {

    protected ChatModelException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract boolean retriable();
}
