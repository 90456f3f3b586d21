package org.redteam4j.models.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.StreamDecoder;

/**
 * A streamed {@code /api/chat} reply: one JSON object a line, each with a piece of
 * {@code message.content}, the last with {@code done: true}, the reason and the token counts;
 * {@code {"error": …}} on failure.
 */
final class OllamaStream implements StreamDecoder {

    private final StringBuilder text = new StringBuilder();
    private String model;
    private String reason;
    private TokenUsage usage = TokenUsage.NONE;
    private boolean done;

    OllamaStream(String model) {
        this.model = model;
    }

    @Override
    public void line(String line, Consumer<String> onText) {
        if (line.isBlank()) {
            return;
        }
        JsonNode chunk;
        try {
            chunk = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a line is not JSON", e);
        }
        if (chunk.has("error")) {
            throw new IllegalArgumentException("the server sent an error: " + chunk.get("error"));
        }
        if (chunk.path("model").isTextual()) {
            model = chunk.get("model").textValue();
        }
        JsonNode piece = chunk.path("message").get("content");
        if (piece != null && piece.isTextual() && !piece.textValue().isEmpty()) {
            text.append(piece.textValue());
            onText.accept(piece.textValue());
        }
        if (chunk.path("done").asBoolean(false)) {
            done = true;
            reason = chunk.path("done_reason").isTextual() ? chunk.get("done_reason").textValue() : null;
            usage = new TokenUsage(chunk.path("prompt_eval_count").asLong(), chunk.path("eval_count").asLong());
        }
    }

    @Override
    public ChatResponse finish(Duration latency) {
        if (!done) {
            throw new IllegalStateException("no line with done: true");
        }
        return new ChatResponse(List.of(Reply.of(text.toString(), reason)), usage, latency, model, false);
    }
}
