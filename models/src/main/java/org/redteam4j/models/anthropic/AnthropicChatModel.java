package org.redteam4j.models.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.models.http.ApiKey;
import org.redteam4j.models.http.HttpChatModel;
import org.redteam4j.models.http.JsonBodies;
import org.redteam4j.models.http.Messages;
import org.redteam4j.models.http.StreamDecoder;

/**
 * {@code anthropic:MODEL}: POST {@code BASE/v1/messages}. One sample per call (the API has no
 * {@code n}); consecutive turns of one speaker are merged, since the API requires alternation.
 */
public final class AnthropicChatModel extends HttpChatModel {

    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String KEY_VARIABLE = "ANTHROPIC_API_KEY";
    public static final String API_VERSION = "2023-06-01";
    static final int DEFAULT_MAX_TOKENS = 1024;

    public AnthropicChatModel(String model, URI baseUrl, ApiKey apiKey, Duration timeout) {
        super("anthropic", model, baseUrl, apiKey, timeout);
    }

    @Override
    protected String path() {
        return "/v1/messages";
    }

    @Override
    protected Map<String, String> headers(ApiKey key) {
        return key == null ? Map.of("anthropic-version", API_VERSION)
                : Map.of("anthropic-version", API_VERSION, "x-api-key", key.reveal());
    }

    @Override
    protected ObjectNode body(ChatRequest request) {
        Sampling sampling = request.sampling();
        ObjectNode body = JSON.createObjectNode()
                .put("model", model())
                .put("max_tokens", sampling.maxTokens() != null ? sampling.maxTokens() : DEFAULT_MAX_TOKENS);
        if (request.system() != null) {
            body.put("system", request.system());
        }
        Messages.append(body.putArray("messages"), request.turns(), true);
        JsonBodies.put(body, "temperature", sampling.temperature());
        JsonBodies.put(body, "top_p", sampling.topP());
        JsonBodies.putStrings(body, "stop_sequences", sampling.stop());
        return body;
    }

    @Override
    protected ChatResponse parse(JsonNode body, ChatRequest request, Duration latency) {
        JsonNode content = body.get("content");
        if (content == null || !content.isArray()) {
            throw new IllegalArgumentException("expected a \"content\" array");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                text.append(requiredText(block, "text"));
            }
        }
        JsonNode stop = body.get("stop_reason");
        JsonNode usage = body.get("usage");
        JsonNode name = body.get("model");
        return new ChatResponse(List.of(Reply.of(text.toString(), stop != null && stop.isTextual() ? stop.textValue() : null)),
                new TokenUsage(count(usage, "input_tokens"), count(usage, "output_tokens")), latency,
                name != null && name.isTextual() ? name.textValue() : model(), false);
    }

    @Override
    public boolean streams() {
        return true;
    }

    @Override
    protected ObjectNode streamBody(ChatRequest request) {
        return body(request).put("stream", true);
    }

    @Override
    protected StreamDecoder streamDecoder(ChatRequest request) {
        return new AnthropicStream(model());
    }
}
