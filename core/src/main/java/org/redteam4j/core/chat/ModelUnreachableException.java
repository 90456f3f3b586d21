package org.redteam4j.core.chat;

/** The connection could not be made or broke off: refused, reset, DNS failure. */
public final class ModelUnreachableException extends RetriableException {

    public ModelUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
