package org.redteam4j.models.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatModelException;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.MalformedResponseException;
import org.redteam4j.core.chat.ModelTimeoutException;
import org.redteam4j.core.format.Json;

/**
 * A chat model behind an HTTP JSON API. The template: {@link #chat} sends the body that the
 * provider builds, maps every failure to a typed error and times the call; providers implement
 * only {@link #body}, {@link #path}, {@link #headers} and {@link #parse}. A response that does not
 * follow the protocol is a {@link MalformedResponseException}, never a reply.
 */
public abstract class HttpChatModel implements ChatModel {

    protected static final ObjectMapper JSON = Json.mapper();
    private static final System.Logger LOG = System.getLogger(HttpChatModel.class.getName());

    private final String id;
    private final String model;
    private final URI baseUrl;
    private final ApiKey apiKey;
    private final Duration timeout;
    private final HttpClient client;

    protected HttpChatModel(String runtime, String model, URI baseUrl, ApiKey apiKey, Duration timeout) {
        this.id = runtime + ":" + model;
        this.model = model;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The JSON body of the request. */
    protected abstract ObjectNode body(ChatRequest request);

    /** The path under the base URL, e.g. {@code /chat/completions}. */
    protected abstract String path();

    /** Headers besides the content type, e.g. the API key. */
    protected abstract Map<String, String> headers(ApiKey key);

    /** Reads the reply; throws anything on a response that breaks the protocol. */
    protected abstract ChatResponse parse(JsonNode body, ChatRequest request, Duration latency);

    /** The body asking for a streamed reply; only called when the provider {@link #streams()}. */
    protected ObjectNode streamBody(ChatRequest request) {
        throw new UnsupportedOperationException(id + " does not stream");
    }

    /** A reader of one streamed response; only called when the provider {@link #streams()}. */
    protected StreamDecoder streamDecoder(ChatRequest request) {
        throw new UnsupportedOperationException(id + " does not stream");
    }

    /**
     * Streams one sample as the provider sends it; several samples, or a provider that does not
     * stream, come whole as {@link ChatModel#stream} does by default. Failures are typed as for
     * {@link #chat}: an error status before the stream, a broken connection or protocol during it.
     */
    @Override
    public final ChatResponse stream(ChatRequest request, java.util.function.Consumer<String> onText) {
        ObjectNode streamed = streams() && request.sampling().samples() == 1 ? streamBody(request) : null;
        if (streamed == null) {
            ChatResponse response = chat(request);
            onText.accept(response.first().text());
            return response;
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint())
                .timeout(timeout) // until the response starts; the stream then runs as long as the model writes
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(streamed.toString(), StandardCharsets.UTF_8));
        headers(apiKey).forEach(http::header);
        long started = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> response;
        try {
            response = client.send(http.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw HttpFailures.forIo(id, endpoint(), e, apiKey);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelTimeoutException(id + ": interrupted while waiting for the response", e);
        }
        StreamDecoder decoder = streamDecoder(request);
        try (java.util.stream.Stream<String> lines = response.body()) {
            if (response.statusCode() / 100 != 2) {
                String body = String.join("\n", (Iterable<String>) lines::iterator);
                throw HttpFailures.forStatus(id, response.statusCode(), response.headers(), body, apiKey);
            }
            java.util.Iterator<String> each = lines.iterator();
            while (each.hasNext()) {
                String line = each.next();
                try {
                    decoder.line(line, onText);
                } catch (ChatModelException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw malformed("the stream does not follow the protocol (" + e.getMessage() + "): "
                            + HttpFailures.quote(line, apiKey), e);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw HttpFailures.forIo(id, endpoint(), e.getCause(), apiKey);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        try {
            return decoder.finish(latency);
        } catch (ChatModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("the stream ended early (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public final ChatResponse chat(ChatRequest request) {
        String body = body(request).toString();
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers(apiKey).forEach(http::header);
        long started = System.nanoTime();
        HttpResponse<String> response = send(http.build());
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        LOG.log(Level.DEBUG, () -> id + ": HTTP " + response.statusCode() + " in " + latency.toMillis() + " ms");
        if (response.statusCode() / 100 != 2) {
            throw HttpFailures.forStatus(id, response.statusCode(), response.headers(), response.body(), apiKey);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw malformed("the response is not JSON: " + HttpFailures.quote(response.body(), apiKey), e);
        }
        try {
            return parse(json, request, latency);
        } catch (ChatModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("the response does not follow the protocol (" + e.getMessage() + "): "
                    + HttpFailures.quote(response.body(), apiKey), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> id + ": " + e.getClass().getSimpleName());
            throw HttpFailures.forIo(id, request.uri(), e, apiKey);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelTimeoutException(id + ": interrupted while waiting for the response", e);
        }
    }

    private URI endpoint() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path());
    }

    protected MalformedResponseException malformed(String problem, Throwable cause) {
        return new MalformedResponseException(id + ": " + problem, cause);
    }

    /** The text of a required string field, or a protocol error naming it. */
    protected static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("expected a string at \"" + field + "\"");
        }
        return value.textValue();
    }

    protected static long count(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.canConvertToLong() ? value.longValue() : 0;
    }

    protected String model() {
        return model;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void close() {
        // HttpClient has no close() on Java 17; its threads are daemons and end with the JVM
    }
}
