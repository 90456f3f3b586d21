package org.redteam4j.models.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.redteam4j.core.format.Json;

/**
 * A real HTTP server on 127.0.0.1 that plays scripted responses in order (the last one repeats),
 * or, before any script, answers with the function given to {@link #answering}, and records every
 * request, so runtimes are tested against their real wire protocol.
 */
public final class LoopbackServer implements AutoCloseable {

    /** One scripted answer: a status, headers and body, after an optional delay. */
    public record Script(int status, Map<String, String> headers, String body, Duration delay) {

        public static Script json(String body) {
            return new Script(200, Map.of(), body, Duration.ZERO);
        }

        /** An OpenAI chat completion saying {@code content}, with the usage a campaign must add up. */
        public static Script chatCompletion(String content, long promptTokens, long completionTokens) {
            com.fasterxml.jackson.databind.node.ObjectNode body = Json.mapper().createObjectNode();
            body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("message")
                    .put("role", "assistant").put("content", content);
            body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens);
            return json(body.toString());
        }

        /**
         * An OpenAI chat completion streamed as server-sent events: one chunk per piece of {@code pieces}, the
         * finish chunk, a usage chunk (what {@code stream_options.include_usage} asks for) and {@code [DONE]}.
         */
        public static Script chatCompletionStream(List<String> pieces, long promptTokens, long completionTokens) {
            StringBuilder events = new StringBuilder();
            for (int i = 0; i < pieces.size(); i++) {
                com.fasterxml.jackson.databind.node.ObjectNode chunk = streamChunk();
                com.fasterxml.jackson.databind.node.ObjectNode delta = chunk.putArray("choices").addObject()
                        .put("index", 0).putNull("finish_reason").putObject("delta");
                if (i == 0) {
                    delta.put("role", "assistant");
                }
                delta.put("content", pieces.get(i));
                events.append("data: ").append(chunk).append("\n\n");
            }
            com.fasterxml.jackson.databind.node.ObjectNode finish = streamChunk();
            finish.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            events.append("data: ").append(finish).append("\n\n");
            com.fasterxml.jackson.databind.node.ObjectNode usage = streamChunk();
            usage.putArray("choices");
            usage.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            events.append("data: ").append(usage).append("\n\n").append("data: [DONE]\n\n");
            return new Script(200, Map.of("Content-Type", "text/event-stream"), events.toString(), Duration.ZERO);
        }

        private static com.fasterxml.jackson.databind.node.ObjectNode streamChunk() {
            return Json.mapper().createObjectNode().put("id", "chatcmpl-loopback")
                    .put("object", "chat.completion.chunk").put("created", 0).put("model", "loopback");
        }

        public static Script status(int status, String body) {
            return new Script(status, Map.of(), body, Duration.ZERO);
        }

        public Script withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Script(status, Map.copyOf(more), body, delay);
        }

        public Script after(Duration wait) {
            return new Script(status, headers, body, wait);
        }
    }

    /** A request as the server received it. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + body, e);
            }
        }

        /** The content of an OpenAI chat request's last message: what the model was asked last. */
        public String lastMessage() {
            JsonNode messages = json().path("messages");
            return messages.path(messages.size() - 1).path("content").asText();
        }

        /**
         * An OpenAI chat request's messages in order, each as {@code "role: content"} (a content given as
         * parts is their texts joined), so a test states the exact conversation a client sent.
         */
        public List<String> messages() {
            List<String> messages = new java.util.ArrayList<>();
            for (JsonNode message : json().path("messages")) {
                JsonNode content = message.path("content");
                String text = content.asText();
                if (content.isArray()) {
                    StringBuilder parts = new StringBuilder();
                    content.forEach(part -> parts.append(part.path("text").asText()));
                    text = parts.toString();
                }
                messages.add(message.path("role").asText() + ": " + text);
            }
            return messages;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static {
        // without it the JDK server's headers and body wait on each other's ACK: 40 ms a response
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Script> scripts = new ConcurrentLinkedQueue<>();
    private volatile Script last;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loopback-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    private volatile java.util.function.Function<Received, Script> responder;

    /** Answers by computing a response from each request (a model that reads its prompt) until a script is played. */
    public LoopbackServer answering(java.util.function.Function<Received, Script> compute) {
        this.responder = compute;
        return this;
    }

    public LoopbackServer then(Script... next) {
        scripts.addAll(List.of(next));
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastRequest() {
        return received.get(received.size() - 1);
    }

    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** The next scripted answer; the last one repeats. Synchronised so concurrent requests see a consistent order. */
    private synchronized Script nextScript() {
        Script next = scripts.poll();
        if (next != null) {
            last = next;
        }
        return last;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            Script script = nextScript();
            if (script == null && responder != null) {
                script = responder.apply(request);
            }
            if (script == null) {
                script = Script.status(500, "{\"error\": \"no script\"}");
            }
            if (!script.delay().isZero()) {
                Thread.sleep(script.delay().toMillis());
            }
            byte[] bytes = script.body().getBytes(StandardCharsets.UTF_8);
            // no longer in flight once answering: the client may send its next request as soon as it reads this one,
            // before this thread gets past the write, and that one must not count as a third at once
            inFlight.decrementAndGet();
            counted = false;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // set, not add: a script's own Content-Type (an event stream) replaces the JSON default
            script.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(script.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a timeout test); nothing to answer
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
