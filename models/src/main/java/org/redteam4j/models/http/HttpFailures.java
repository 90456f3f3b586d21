package org.redteam4j.models.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.redteam4j.core.chat.ChatModelException;
import org.redteam4j.core.chat.ModelTimeoutException;
import org.redteam4j.core.chat.ModelUnreachableException;
import org.redteam4j.core.chat.RateLimitedException;
import org.redteam4j.core.chat.RequestRejectedException;
import org.redteam4j.core.chat.ServerErrorException;

/** The one place that turns HTTP outcomes into typed {@link ChatModelException}s. */
public final class HttpFailures {

    private static final int BODY_SHOWN = 300;

    private HttpFailures() {
    }

    /** The error for a non-2xx status; the body is quoted briefly, with the API key removed. */
    public static ChatModelException forStatus(String target, int status, HttpHeaders headers, String body, ApiKey key) {
        String quoted = quote(body, key);
        String message = target + ": HTTP " + status + (quoted.isEmpty() ? "" : ": " + quoted);
        if (status == 429) {
            return new RateLimitedException(message, retryAfter(headers, Instant.now()));
        }
        if (status >= 500) {
            return new ServerErrorException(message, status);
        }
        return new RequestRejectedException(message, status);
    }

    /** The error for a call that produced no HTTP response. */
    public static ChatModelException forIo(String target, java.net.URI endpoint, IOException e, ApiKey key) {
        String where = endpoint.getHost() + ":" + (endpoint.getPort() < 0 ? "default port" : endpoint.getPort());
        String detail = where + ", " + redact(e.getMessage() == null ? describe(e) : e.getMessage(), key);
        if (e instanceof HttpConnectTimeoutException) {
            return new ModelUnreachableException(target + ": connection timed out (" + detail + ")", null);
        }
        if (e instanceof HttpTimeoutException) {
            return new ModelTimeoutException(target + ": no response within the timeout", null);
        }
        if (e instanceof ConnectException) {
            return new ModelUnreachableException(target + ": cannot connect (" + detail + ")", null);
        }
        return new ModelUnreachableException(target + ": the connection failed (" + detail + ")", null);
    }

    private static String describe(IOException e) {
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        String value = headers.firstValue("retry-after").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A short, single-line, key-free excerpt of a response body for messages. */
    public static String quote(String body, ApiKey key) {
        if (body == null) {
            return "";
        }
        String text = redact(body, key).replaceAll("\\s+", " ").strip();
        return text.length() <= BODY_SHOWN ? text : text.substring(0, BODY_SHOWN) + "…";
    }

    private static String redact(String text, ApiKey key) {
        return key == null ? text : key.redact(text);
    }
}
