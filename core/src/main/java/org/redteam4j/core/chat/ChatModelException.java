package org.redteam4j.core.chat;

import org.redteam4j.core.failure.ExternalFailure;

/** A call to a model failed. {@link #retriable()} says whether trying again may help. */
public abstract class ChatModelException extends ExternalFailure {

    protected ChatModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
