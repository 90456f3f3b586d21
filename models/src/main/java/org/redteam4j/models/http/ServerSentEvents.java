package org.redteam4j.models.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.redteam4j.core.format.Json;

/**
 * Server-sent events (the WHATWG {@code text/event-stream} format) assembled from lines: fields
 * {@code event:} and {@code data:} (several data lines joined by line ends), comments starting
 * with {@code :}, an empty line ending each event.
 */
public final class ServerSentEvents {

    /** One event: its type ({@code message} when not named) and data. */
    public record Event(String type, String data) {

        public JsonNode json() {
            try {
                return Json.mapper().readTree(data);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("an event's data is not JSON", e);
            }
        }
    }

    private String type;
    private StringBuilder data;

    /** Takes one line; returns the event it ends, or null. */
    public Event line(String line) {
        if (line.isEmpty()) {
            if (data == null) {
                type = null;
                return null;
            }
            Event event = new Event(type == null ? "message" : type, data.toString());
            type = null;
            data = null;
            return event;
        }
        if (line.startsWith(":")) {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            type = value;
        } else if (field.equals("data")) {
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
        return null;
    }
}
