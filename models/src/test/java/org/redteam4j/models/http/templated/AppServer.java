package org.redteam4j.models.http.templated;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.redteam4j.core.format.Json;

/**
 * A loopback application with a handler of its own (a support bot that keeps sessions, sets
 * cookies, streams), recording each request as it arrived, raw query included.
 */
final class AppServer implements AutoCloseable {

    /** A request as the application received it. */
    record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * An answer: a status, headers, and the body in pieces (more than one piece is sent chunked,
     * flushed each), {@code pauseMillis} apart: a slow or stalled stream.
     */
    record Response(int status, Map<String, String> headers, List<String> pieces, long pauseMillis) {

        Response(int status, Map<String, String> headers, List<String> pieces) {
            this(status, headers, pieces, 0);
        }

        Response pausing(long millis) {
            return new Response(status, headers, pieces, millis);
        }

        static Response json(String body) {
            return new Response(200, Map.of("Content-Type", "application/json"), List.of(body));
        }

        static Response status(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json"), List.of(body));
        }

        static Response chunked(String contentType, String... pieces) {
            return new Response(200, Map.of("Content-Type", contentType), List.of(pieces));
        }

        Response withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Response(status, Map.copyOf(more), pieces, pauseMillis);
        }
    }

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();

    AppServer(Function<Request, Response> app) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "app-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> handle(exchange, app));
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Request, Response> app) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            Response response = app.apply(request);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            boolean chunked = response.pieces().size() > 1;
            byte[] whole = String.join("", response.pieces()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), chunked ? 0 : whole.length == 0 ? -1 : whole.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < response.pieces().size(); i++) {
                    if (i > 0 && response.pauseMillis() > 0) {
                        pause(response.pauseMillis());
                    }
                    out.write(response.pieces().get(i).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped", e);
        }
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
