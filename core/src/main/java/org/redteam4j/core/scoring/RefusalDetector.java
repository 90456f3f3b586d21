package org.redteam4j.core.scoring;

import java.util.List;
import org.redteam4j.core.transcript.Turn;

/** Decides whether a reply refuses or evades the request before it. Thread-safe. */
public interface RefusalDetector {

    RefusalVerdict detect(List<Turn> context, String reply);

    String id();

    /**
     * @param refuses whether the reply declines, discourages, deflects or evades
     * @param score   the detector's evidence for refusal, higher = more refusing, comparable across replies
     * @param reason  what decided it, for people reading results
     */
    record RefusalVerdict(boolean refuses, double score, String reason) {
    }
}
