package org.redteam4j.models.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on 127.0.0.1 having a bad day: each request draws, from a seeded
 * stream, either a proper answer or one of the faults real endpoints show — 429 with and without
 * Retry-After, 500, 502, 503, a hang past any sane timeout, a connection dropped halfway through
 * the body, garbage instead of JSON, or a slow answer. It counts what it did, so a test can check
 * that what the client recorded adds up.
 */
public final class ChaosServer implements AutoCloseable {

    /** What the server does with one request. */
    public enum Fault {
        ANSWER, RATE_LIMITED_WITH_RETRY_AFTER, RATE_LIMITED, SERVER_ERROR, BAD_GATEWAY, UNAVAILABLE, HANG, DROP_MID_BODY, GARBAGE, SLOW
    }

    private static final String COMPLIANT = "Sure, I will go along with that request (details withheld in this test).";
    private static final String REFUSAL = "I can't help with that, because it could hurt someone.";

    private final HttpServer server;
    private final SplittableRandom random;
    private final Map<Fault, Integer> weights;
    private final int totalWeight;
    private final Duration hang;
    private final Duration slow;
    private final Map<Fault, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** {@code weights}: how often each fault is drawn, relative to the others. */
    public ChaosServer(long seed, Map<Fault, Integer> weights, Duration hang, Duration slow) throws IOException {
        this.random = new SplittableRandom(seed);
        this.weights = new EnumMap<>(weights);
        this.totalWeight = weights.values().stream().mapToInt(Integer::intValue).sum();
        this.hang = hang;
        this.slow = slow;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "chaos-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Every fault with the same weight as a proper answer. */
    public static Map<Fault, Integer> everyFault() {
        Map<Fault, Integer> all = new EnumMap<>(Fault.class);
        for (Fault fault : Fault.values()) {
            all.put(fault, 1);
        }
        return all;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** How many requests got each treatment. */
    public Map<Fault, Integer> counts() {
        Map<Fault, Integer> snapshot = new EnumMap<>(Fault.class);
        counts.forEach((fault, count) -> snapshot.put(fault, count.get()));
        return snapshot;
    }

    public int requests() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private synchronized Fault draw() {
        int pick = random.nextInt(totalWeight);
        for (Map.Entry<Fault, Integer> entry : weights.entrySet()) {
            pick -= entry.getValue();
            if (pick < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("weights changed");
    }

    private synchronized boolean complies() {
        return random.nextBoolean();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Fault fault = draw();
            counts.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
            switch (fault) {
                case ANSWER -> answer(exchange, 200, completion(complies() ? COMPLIANT : REFUSAL), Map.of());
                case RATE_LIMITED_WITH_RETRY_AFTER -> answer(exchange, 429, error("slow down"), Map.of("Retry-After", "1"));
                case RATE_LIMITED -> answer(exchange, 429, error("slow down"), Map.of());
                case SERVER_ERROR -> answer(exchange, 500, error("internal error"), Map.of());
                case BAD_GATEWAY -> answer(exchange, 502, "<html>bad gateway</html>", Map.of());
                case UNAVAILABLE -> answer(exchange, 503, error("overloaded"), Map.of());
                case HANG -> Thread.sleep(hang.toMillis());
                case DROP_MID_BODY -> {
                    byte[] body = completion(COMPLIANT).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    // closing the exchange now ends the connection with half the promised bytes
                }
                case GARBAGE -> answer(exchange, 200, "\u0000\u00ff{{{ not json at all", Map.of());
                case SLOW -> {
                    Thread.sleep(slow.toMillis());
                    answer(exchange, 200, completion(complies() ? COMPLIANT : REFUSAL), Map.of());
                }
                default -> throw new IllegalStateException(fault.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (its timeout); that is the point of HANG
        }
    }

    private static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String completion(String content) {
        return "{\"id\": \"chaos\", \"model\": \"chaos\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", "
                + "\"content\": \"" + content + "\"}, \"finish_reason\": \"stop\"}], "
                + "\"usage\": {\"prompt_tokens\": 12, \"completion_tokens\": 9, \"total_tokens\": 21}}";
    }

    private static String error(String message) {
        return "{\"error\": {\"message\": \"" + message + "\"}}";
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
