package org.redteam4j.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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

/** {@code openai:MODEL}: POST {@code BASE/chat/completions}. */
public final class OpenAiCompatibleChatModel extends HttpChatModel {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String KEY_VARIABLE = "OPENAI_API_KEY";

    public OpenAiCompatibleChatModel(String model, URI baseUrl, ApiKey apiKey, Duration timeout) {
        super("openai", model, baseUrl, apiKey, timeout);
    }

    @Override
    protected String path() {
        return "/chat/completions";
    }

    @Override
    protected Map<String, String> headers(ApiKey key) {
        return key == null ? Map.of() : Map.of("Authorization", "Bearer " + key.reveal());
    }

    @Override
    protected ObjectNode body(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode().put("model", model());
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        Messages.append(messages, request.turns(), false);
        Sampling sampling = request.sampling();
        JsonBodies.put(body, "temperature", sampling.temperature());
        JsonBodies.put(body, "top_p", sampling.topP());
        JsonBodies.put(body, "max_tokens", sampling.maxTokens());
        if (sampling.samples() > 1) {
            body.put("n", sampling.samples());
        }
        JsonBodies.put(body, "seed", sampling.seed());
        JsonBodies.putStrings(body, "stop", sampling.stop());
        return body;
    }

    @Override
    protected ChatResponse parse(JsonNode body, ChatRequest request, Duration latency) {
        JsonNode choices = body.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new IllegalArgumentException("expected a non-empty \"choices\" array");
        }
        List<Reply> replies = new ArrayList<>();
        for (JsonNode choice : choices) {
            JsonNode message = choice.get("message");
            if (message == null || !message.isObject()) {
                throw new IllegalArgumentException("expected a \"message\" object in every choice");
            }
            JsonNode content = message.get("content");
            JsonNode refusal = message.get("refusal");
            String text = content != null && content.isTextual() ? content.textValue()
                    : refusal != null && refusal.isTextual() ? refusal.textValue() // a refusal is a reply
                    : requiredText(message, "content");
            JsonNode finish = choice.get("finish_reason");
            replies.add(Reply.of(text, finish != null && finish.isTextual() ? finish.textValue() : null));
        }
        JsonNode usage = body.get("usage");
        JsonNode name = body.get("model");
        return new ChatResponse(replies, new TokenUsage(count(usage, "prompt_tokens"), count(usage, "completion_tokens")),
                latency, name != null && name.isTextual() ? name.textValue() : model(), false);
    }

    @Override
    public boolean supportsSamples() {
        return true;
    }

    @Override
    public boolean streams() {
        return true;
    }

    /** As {@link #body}, with {@code stream: true} and the usage asked for in the last event. */
    @Override
    protected ObjectNode streamBody(ChatRequest request) {
        ObjectNode body = body(request).put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        return body;
    }

    @Override
    protected StreamDecoder streamDecoder(ChatRequest request) {
        return new OpenAiStream(model());
    }
}
