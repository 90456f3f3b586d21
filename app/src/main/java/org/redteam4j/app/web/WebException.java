package org.redteam4j.app.web;

/** A refusal with an HTTP status: shown as a page or as {@code {"error": …}}. */
public final class WebException extends RuntimeException {

    private final int status;

    public WebException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static WebException badRequest(String message) {
        return new WebException(400, message);
    }

    public static WebException forbidden() {
        return new WebException(403, "you are not allowed to do that");
    }

    public static WebException notFound() {
        return new WebException(404, "not found");
    }
}
