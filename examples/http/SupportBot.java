import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A toy "support bot" on 127.0.0.1 for trying the http runtime: JDK only, so it runs without a
 * build as {@code java examples/http/SupportBot.java [PORT]}. It keeps its own sessions (a turn
 * after the first must carry the session_id it returned), requires {@code Authorization: Bearer
 * $BOT_TOKEN} when BOT_TOKEN is set, and refuses any message mentioning "password". Its replies
 * are canned; it is not a model.
 *
 * POST /api/chat    {"session": "...", "message": "..."}  ->  {"answer": "...", "session_id": "..."}
 * POST /api/stream  the same request; the answer as server-sent events {"delta": "..."}, then [DONE]
 */
public final class SupportBot {

    private static final Map<String, List<String>> SESSIONS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String token = System.getenv("BOT_TOKEN");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/api/chat", exchange -> answer(exchange, token, false));
        server.createContext("/api/stream", exchange -> answer(exchange, token, true));
        server.start();
        System.err.println("support bot on http://127.0.0.1:" + port + "/api/chat (Ctrl-C stops it)");
    }

    private static void answer(HttpExchange exchange, String token, boolean stream) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "application/json", "{\"error\": \"missing or wrong token\"}");
                return;
            }
            String message = field(body, "message");
            String session = field(body, "session");
            if (message == null) {
                send(exchange, 400, "application/json", "{\"error\": \"expected a JSON body with a message\"}");
                return;
            }
            if (session == null || !SESSIONS.containsKey(session)) {
                session = "bot-" + UUID.randomUUID();
                SESSIONS.put(session, new ArrayList<>());
            }
            List<String> turns = SESSIONS.get(session);
            turns.add(message);
            String text = message.toLowerCase().contains("password")
                    ? "I'm sorry, I can't help with account passwords."
                    : "Thanks for message " + turns.size() + " of this session. A human agent will follow up on: "
                            + message;
            if (stream) {
                StringBuilder events = new StringBuilder("data: {\"session_id\": " + quote(session) + "}\n\n");
                for (String word : text.split("(?<= )")) {
                    events.append("data: {\"delta\": ").append(quote(word)).append("}\n\n");
                }
                send(exchange, 200, "text/event-stream", events.append("data: [DONE]\n\n").toString());
            } else {
                send(exchange, 200, "application/json", "{\"answer\": " + quote(text) + ", \"session_id\": "
                        + quote(session) + "}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The string value of a top-level field in a flat JSON object, or null (enough for this toy). */
    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\"");
        if (at < 0) {
            return null;
        }
        int open = json.indexOf('"', json.indexOf(':', at) + 1);
        if (open < 0) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = open + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && i + 1 < json.length()) {
                char e = json.charAt(++i);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> value.append(e);
                }
            } else {
                value.append(c);
            }
        }
        return null;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
