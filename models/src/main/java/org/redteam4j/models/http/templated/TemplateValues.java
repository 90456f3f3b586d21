package org.redteam4j.models.http.templated;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.format.ScriptSafeJson;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.Messages;

/** The values one request's template is filled with: the conversation so far and the session's id. */
final class TemplateValues {

    private final ChatRequest request;
    private final String session;

    TemplateValues(ChatRequest request, String session) {
        this.request = request;
        this.session = session;
    }

    /** Stand-in values, for checking a template's shape when the target is built. */
    static TemplateValues sample() {
        return new TemplateValues(ChatRequest.of(List.of(Turn.human("x")), org.redteam4j.core.chat.Sampling.DEFAULT), "x");
    }

    /** The value as text: what a slot without a filter, or with {@code |url}, inserts. */
    String text(Variable variable) {
        return switch (variable) {
            case PROMPT -> prompt(request.turns());
            case MESSAGES -> json(variable);
            case TRANSCRIPT -> Transcript.of(request.turns()).text();
            case SYSTEM -> request.system() == null ? "" : request.system();
            case SESSION -> session;
            case DOCUMENT -> request.document() == null ? "" : request.document();
        };
    }

    /** The value as JSON: a string literal, or for {@code messages} the array. */
    String json(Variable variable) {
        if (variable != Variable.MESSAGES) {
            return ScriptSafeJson.write(text(variable));
        }
        ArrayNode messages = JsonNodeFactory.instance.arrayNode();
        if (request.system() != null && !request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        Messages.append(messages, request.turns(), false);
        return ScriptSafeJson.write(messages);
    }

    /** The last human message; empty when the conversation has none. */
    static String prompt(List<Turn> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).speaker() == Speaker.HUMAN) {
                return turns.get(i).text();
            }
        }
        return "";
    }
}
