package org.redteam4j.models.http.templated;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a request template may insert, each named as in {@code {{prompt}}}. */
public enum Variable {
    /** The last human message. */
    PROMPT("prompt"),
    /** The conversation as OpenAI's {@code [{role, content}]} array, the system message first when present. */
    MESSAGES("messages"),
    /** The conversation as hh-rlhf text ({@code \n\nHuman: …\n\nAssistant: …}). */
    TRANSCRIPT("transcript"),
    /** The system prompt, or empty. */
    SYSTEM("system"),
    /** The conversation's session id: a random UUID until the server gives its own. */
    SESSION("session"),
    /** The context document beside the conversation, or empty. */
    DOCUMENT("document");

    private final String id;

    Variable(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Variable> fromId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Variable::id).toList();
    }
}
