package org.redteam4j.core.transcript;

import java.util.Objects;

/**
 * One utterance of a conversation.
 *
 * @param speaker    who wrote it
 * @param text       what was said, without the single space that follows the speaker's colon
 * @param bareMarker true when the source had no space after the colon ({@code "Human:hi"});
 *                   kept so that printing reproduces the source exactly
 */
public record Turn(Speaker speaker, String text, boolean bareMarker) {

    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        if (bareMarker && text.startsWith(" ")) {
            throw new IllegalArgumentException("a bare-marker turn cannot start with a space");
        }
    }

    public Turn(Speaker speaker, String text) {
        this(speaker, text, false);
    }

    public static Turn human(String text) {
        return new Turn(Speaker.HUMAN, text);
    }

    public static Turn assistant(String text) {
        return new Turn(Speaker.ASSISTANT, text);
    }

    public boolean isAssistant() {
        return speaker == Speaker.ASSISTANT;
    }
}
