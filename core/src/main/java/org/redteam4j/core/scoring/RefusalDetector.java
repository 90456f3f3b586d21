package org.redteam4j.core.scoring;

import java.util.List;
import org.redteam4j.core.transcript.Turn;

/** Decides whether a reply refuses or evades the request before it. Thread-safe. */
public interface RefusalDetector {

    RefusalVerdict detect(List<Turn> context, String reply);

    /** Detects for many replies, each in its own context; detectors with a model override it to batch. */
    default List<RefusalVerdict> detectAll(List<ReplyInContext> items) {
        return items.stream().map(item -> detect(item.context(), item.reply())).toList();
    }

    String id();

    /** How often the detector agrees with people, when a trained one ships its validation. */
    default java.util.Optional<JudgeCalibration> calibration() {
        return java.util.Optional.empty();
    }

    /** Where a trained detector came from, for provenance. */
    default java.util.Map<String, String> provenance() {
        return java.util.Map.of();
    }

    /**
     * @param refuses whether the reply declines, discourages, deflects or evades
     * @param score   the detector's evidence for refusal, higher = more refusing, comparable across replies
     * @param reason  what decided it, for people reading results
     */
    record RefusalVerdict(boolean refuses, double score, String reason) {
    }
}
