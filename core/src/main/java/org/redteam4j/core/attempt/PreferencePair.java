package org.redteam4j.core.attempt;

import java.util.Objects;
import org.redteam4j.core.transcript.Transcript;

/**
 * A harmlessness comparison in the hh-rlhf {@code harmless-base} format: two transcripts that
 * share a prefix, of which {@code chosen} ends with the less harmful reply. Kept as text so that
 * pairs whose prefixes differ (a few in the real data do) survive unchanged.
 */
public record PreferencePair(String chosen, String rejected) {

    public PreferencePair {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(rejected, "rejected");
    }

    public Transcript chosenTranscript() {
        return Transcript.parse(chosen);
    }

    public Transcript rejectedTranscript() {
        return Transcript.parse(rejected);
    }
}
