package org.redteam4j.core.transcript;

import java.util.Locale;

/** Who wrote a turn; {@link #label()} is the word used in the hh-rlhf text format. */
public enum Speaker {
    HUMAN("Human"),
    ASSISTANT("Assistant");

    private final String label;

    Speaker(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The lower-case name used in databases and JSON ({@code human}, {@code assistant}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Speaker fromId(String id) {
        for (Speaker speaker : values()) {
            if (speaker.id().equals(id)) {
                return speaker;
            }
        }
        throw new IllegalArgumentException("unknown speaker '" + id + "', expected human or assistant");
    }
}
