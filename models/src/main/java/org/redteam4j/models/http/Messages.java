package org.redteam4j.models.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Turn;

/** Turns as the {@code messages} array of chat APIs: {@code user} and {@code assistant} roles. */
public final class Messages {

    private Messages() {
    }

    public static String role(Speaker speaker) {
        return speaker == Speaker.HUMAN ? "user" : "assistant";
    }

    /** Appends the turns; with {@code mergeRepeats}, consecutive turns of one speaker become one message. */
    public static void append(ArrayNode messages, List<Turn> turns, boolean mergeRepeats) {
        ObjectNode last = null;
        for (Turn turn : turns) {
            String role = role(turn.speaker());
            if (mergeRepeats && last != null && last.get("role").asText().equals(role)) {
                last.put("content", last.get("content").asText() + "\n\n" + turn.text());
                continue;
            }
            last = messages.addObject().put("role", role).put("content", turn.text());
        }
    }
}
