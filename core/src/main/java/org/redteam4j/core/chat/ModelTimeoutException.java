package org.redteam4j.core.chat;

/** No answer within the target's timeout. */
public final class ModelTimeoutException extends RetriableException {

    public ModelTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
