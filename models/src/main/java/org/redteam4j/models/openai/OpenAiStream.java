package org.redteam4j.models.openai;

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
 * A streamed chat completion: server-sent events whose data is a {@code chat.completion.chunk}
 * ({@code choices[0].delta.content} carries the text, the last chunk may carry {@code usage}),
 * ended by {@code data: [DONE]}.
 */
final class OpenAiStream implements StreamDecoder {

    private final ServerSentEvents events = new ServerSentEvents();
    private final StringBuilder text = new StringBuilder();
    private String model;
    private String finish;
    private TokenUsage usage = TokenUsage.NONE;
    private boolean done;

    OpenAiStream(String model) {
        this.model = model;
    }

    @Override
    public void line(String line, Consumer<String> onText) {
        ServerSentEvents.Event event = events.line(line);
        if (event == null) {
            return;
        }
        if (event.data().strip().equals("[DONE]")) {
            done = true;
            return;
        }
        JsonNode chunk = event.json();
        if (chunk.has("error")) {
            throw new IllegalArgumentException("the server sent an error: " + chunk.get("error"));
        }
        if (chunk.path("model").isTextual()) {
            model = chunk.get("model").textValue();
        }
        JsonNode usageNode = chunk.get("usage");
        if (usageNode != null && usageNode.isObject()) {
            usage = new TokenUsage(usageNode.path("prompt_tokens").asLong(), usageNode.path("completion_tokens").asLong());
        }
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.path("index").asInt(0) != 0) {
                continue;
            }
            JsonNode piece = choice.path("delta").get("content");
            if (piece == null) {
                piece = choice.path("delta").get("refusal"); // a refusal is a reply
            }
            if (piece != null && piece.isTextual() && !piece.textValue().isEmpty()) {
                text.append(piece.textValue());
                onText.accept(piece.textValue());
            }
            if (choice.path("finish_reason").isTextual()) {
                finish = choice.get("finish_reason").textValue();
            }
        }
    }

    @Override
    public ChatResponse finish(Duration latency) {
        if (!done && finish == null) {
            throw new IllegalStateException("no finish_reason and no [DONE]");
        }
        return new ChatResponse(List.of(Reply.of(text.toString(), finish)), usage, latency, model, false);
    }
}
