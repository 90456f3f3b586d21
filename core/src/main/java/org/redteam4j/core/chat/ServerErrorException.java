package org.redteam4j.core.chat;

/** HTTP 5xx (or Anthropic's 529 overloaded): the server failed. */
public final class ServerErrorException extends RetriableException {

    private final int status;

    public ServerErrorException(String message, int status) {
        super(message, null);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
