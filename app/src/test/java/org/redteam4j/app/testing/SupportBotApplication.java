package org.redteam4j.app.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.redteam4j.core.format.Json;

/**
 * {@link WeakSupportBot}'s own application API, shaped like a product's rather than a model's:
 * <pre>
 * POST /api/chat    {"session": …, "message": …, "document": …, "system": …}  →  {"answer": …, "session_id": …}
 * POST /api/stream  the same request; the answer as server-sent events: {"session_id": …}, then {"delta": …}…, then [DONE]
 * </pre>
 * The bot names its own sessions ({@code bot-…}). A first turn may carry any other id (a client's
 * proposal): it opens a session and the answer names the bot's id, which later turns must send. An
 * unknown {@code bot-} id, or a proposal sent a second time, is a 400: the client did not carry the
 * session the bot returned. {@code document} and {@code system} are optional; an empty one counts
 * as absent.
 */
final class SupportBotApplication {

    private static final String BOT_PREFIX = "bot-";

    private final Map<String, AtomicInteger> sessions = new ConcurrentHashMap<>();
    private final Set<String> proposalsUsed = ConcurrentHashMap.newKeySet();

    /** One request read and answered; {@code stream} chooses server-sent events over one JSON object. */
    void handle(HttpExchange exchange, boolean stream) throws IOException {
        JsonNode request;
        try {
            request = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
        } catch (JsonProcessingException e) {
            send(exchange, 400, "application/json", error("the body is not JSON"));
            return;
        }
        if (request == null || !request.path("message").isTextual()) {
            send(exchange, 400, "application/json", error("expected a JSON object with a string 'message'"));
            return;
        }
        String session = session(request.path("session").asText(""));
        if (session == null) {
            send(exchange, 400, "application/json", error("unknown session: send the session_id this bot returned"));
            return;
        }
        sessions.get(session).incrementAndGet();
        String answer = WeakSupportBot.answer(text(request, "system"), request.path("message").asText(), text(request, "document"));
        if (stream) {
            StringBuilder events = new StringBuilder(event(Json.mapper().createObjectNode().put("session_id", session)));
            for (String word : answer.split("(?<= )")) {
                events.append(event(Json.mapper().createObjectNode().put("delta", word)));
            }
            send(exchange, 200, "text/event-stream", events.append("data: [DONE]\n\n").toString());
        } else {
            send(exchange, 200, "application/json",
                    Json.mapper().createObjectNode().put("answer", answer).put("session_id", session).toString());
        }
    }

    /** The bot's session for the id sent: a known one, a new one for a fresh proposal, or null when it cannot be. */
    private String session(String sent) {
        if (sessions.containsKey(sent)) {
            return sent;
        }
        if (sent.startsWith(BOT_PREFIX) || (!sent.isEmpty() && !proposalsUsed.add(sent))) {
            return null;
        }
        String id = BOT_PREFIX + UUID.randomUUID();
        sessions.put(id, new AtomicInteger());
        return id;
    }

    private static String text(JsonNode request, String field) {
        String value = request.path(field).asText("");
        return value.isEmpty() ? null : value;
    }

    private static String event(ObjectNode data) {
        return "data: " + data + "\n\n";
    }

    private static String error(String message) {
        return Json.mapper().createObjectNode().put("error", message).toString();
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
