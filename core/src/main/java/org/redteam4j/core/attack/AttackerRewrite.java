package org.redteam4j.core.attack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.transcript.Turn;

/**
 * One request rewritten by the attacker model, read leniently: a real LLM wraps its answer in
 * quotes, a code fence, a label ("Rewritten request:") or a JSON object; the sim runtime and a
 * scripted attacker answer plainly. Whatever it answers is used; only an empty answer falls back
 * to the request itself, marked {@code unparsed}.
 *
 * @param message what to send to the target
 * @param parsed  false when the attacker gave nothing usable and the request went as it was
 */
record AttackerRewrite(String message, boolean parsed) {

    static final String UNPARSED = "unparsed";

    private static final Pattern FENCE = Pattern.compile("^```[\\w-]*\\s*\\n?|\\n?```\\s*$");
    /** Labels a model puts before its rewrite, read as {@link LabelledAnswer} reads the adaptive attacker's (any case, bold, bulleted). */
    private static final List<String> LABELS = List.of("Rewritten request", "Rewritten prompt", "Rewrite", "Rewritten", "Prompt",
            "Message", "Request");
    private static final List<String> JSON_FIELDS = List.of("prompt", "message", "rewrite", "request", "text");

    /** Asks the attacker ({@code instruction} as its system text, {@code ask} as the message) for a rewrite of {@code request}. */
    static AttackerRewrite ask(ChatModel attacker, String instruction, String ask, Sampling sampling, String request) {
        String answer = attacker.chat(new ChatRequest(instruction, List.of(Turn.human(ask)), sampling)).first().text();
        return read(answer, request);
    }

    /** The message in an attacker's answer, or {@code request} (unparsed) when the answer holds none. */
    static AttackerRewrite read(String answer, String request) {
        String text = answer == null ? "" : answer.strip();
        String fromJson = jsonField(text);
        if (fromJson != null) {
            text = fromJson.strip();
        }
        text = FENCE.matcher(text).replaceAll("").strip();
        text = LabelledAnswer.withoutLeadingLabel(text, LABELS);
        text = FENCE.matcher(text).replaceAll("").strip(); // a fence after the label ("Rewrite:\n```…```")
        if (text.length() >= 2 && isQuote(text.charAt(0)) && text.charAt(text.length() - 1) == closing(text.charAt(0))) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text.isEmpty() ? new AttackerRewrite(request, false) : new AttackerRewrite(text, true);
    }

    /** The techniques a trace step records: the given ones, and {@code unparsed} when the attacker's answer was not used. */
    List<String> techniques(String... used) {
        List<String> all = new java.util.ArrayList<>(List.of(used));
        if (!parsed) {
            all.add(UNPARSED);
        }
        return all;
    }

    private static String jsonField(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            for (String field : JSON_FIELDS) {
                if (node != null && node.path(field).isTextual()) {
                    return node.path(field).asText();
                }
            }
        } catch (IOException e) {
            // not JSON after all: the text is the message
        }
        return null;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '«';
    }

    private static char closing(char open) {
        return switch (open) {
            case '“' -> '”';
            case '«' -> '»';
            default -> open;
        };
    }
}
