package org.redteam4j.models.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

/** {@code ollama:MODEL}: POST {@code BASE/api/chat}, streamed as newline-delimited JSON when asked; one sample per call. */
public final class OllamaChatModel extends HttpChatModel {

    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";

    public OllamaChatModel(String model, URI baseUrl, Duration timeout) {
        super("ollama", model, baseUrl, null, timeout);
    }

    @Override
    protected String path() {
        return "/api/chat";
    }

    @Override
    protected Map<String, String> headers(ApiKey key) {
        return Map.of();
    }

    @Override
    protected ObjectNode body(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode().put("model", model()).put("stream", false);
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        Messages.append(messages, request.turns(), false);
        Sampling sampling = request.sampling();
        ObjectNode options = body.putObject("options");
        JsonBodies.put(options, "temperature", sampling.temperature());
        JsonBodies.put(options, "top_p", sampling.topP());
        JsonBodies.put(options, "num_predict", sampling.maxTokens());
        JsonBodies.put(options, "seed", sampling.seed());
        JsonBodies.putStrings(options, "stop", sampling.stop());
        return body;
    }

    @Override
    protected ChatResponse parse(JsonNode body, ChatRequest request, Duration latency) {
        JsonNode message = body.get("message");
        if (message == null || !message.isObject()) {
            throw new IllegalArgumentException("expected a \"message\" object");
        }
        JsonNode done = body.get("done_reason");
        JsonNode name = body.get("model");
        return new ChatResponse(List.of(Reply.of(requiredText(message, "content"), done != null && done.isTextual() ? done.textValue() : null)),
                new TokenUsage(count(body, "prompt_eval_count"), count(body, "eval_count")), latency,
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
        return new OllamaStream(model());
    }
}
