package org.redteam4j.core.chat;

/** The server answered, but not in its protocol: no reply is invented from it. */
public final class MalformedResponseException extends NonRetriableException {

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
