package org.redteam4j.core.chat;

/** HTTP 4xx other than 429: the server will not take this request (bad key, unknown model, bad parameter). */
public final class RequestRejectedException extends NonRetriableException {

    private final int status;

    public RequestRejectedException(String message, int status) {
        super(message, null);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
