package org.redteam4j.models.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.models.http.ServerSentEvents;
import org.redteam4j.models.http.StreamDecoder;

/**
 * A streamed Messages reply: server-sent events {@code message_start} (model, input tokens),
 * {@code content_block_delta} with {@code text_delta}s, {@code message_delta} (stop reason,
 * output tokens), {@code message_stop}; {@code ping} in between, {@code error} on failure.
 */
final class AnthropicStream implements StreamDecoder {

    private final ServerSentEvents events = new ServerSentEvents();
    private final StringBuilder text = new StringBuilder();
    private String model;
    private String stop;
    private long inputTokens;
    private long outputTokens;
    private boolean stopped;

    AnthropicStream(String model) {
        this.model = model;
    }

    @Override
    public void line(String line, Consumer<String> onText) {
        ServerSentEvents.Event event = events.line(line);
        if (event == null) {
            return;
        }
        JsonNode data = event.json();
        String type = data.path("type").asText(event.type());
        switch (type) {
            case "message_start" -> {
                JsonNode message = data.path("message");
                if (message.path("model").isTextual()) {
                    model = message.get("model").textValue();
                }
                inputTokens = message.path("usage").path("input_tokens").asLong();
                outputTokens = message.path("usage").path("output_tokens").asLong();
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                if ("text_delta".equals(delta.path("type").asText()) && delta.path("text").isTextual()) {
                    String piece = delta.get("text").textValue();
                    text.append(piece);
                    onText.accept(piece);
                }
            }
            case "message_delta" -> {
                if (data.path("delta").path("stop_reason").isTextual()) {
                    stop = data.path("delta").get("stop_reason").textValue();
                }
                if (data.path("usage").has("output_tokens")) {
                    outputTokens = data.path("usage").path("output_tokens").asLong();
                }
            }
            case "message_stop" -> stopped = true;
            case "error" -> throw new IllegalArgumentException("the server sent an error: " + data.path("error"));
            default -> { } // ping, content_block_start/stop and event types added later
        }
    }

    @Override
    public ChatResponse finish(Duration latency) {
        if (!stopped) {
            throw new IllegalStateException("no message_stop");
        }
        return new ChatResponse(List.of(Reply.of(text.toString(), stop)), new TokenUsage(inputTokens, outputTokens), latency,
                model, false);
    }
}
