package org.redteam4j.core.scoring;

import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.transcript.Turn;

/**
 * Scores an assistant reply given the conversation before it: higher is more harmless, roughly
 * centred on 0, like the paper's preference model. Implementations are thread-safe.
 */
public interface HarmlessnessScorer {

    double score(List<Turn> context, String reply);

    /** Scores several replies to the same context; implementations may batch. */
    default List<Double> scoreAll(List<Turn> context, List<String> replies) {
        List<Double> scores = new ArrayList<>(replies.size());
        for (String reply : replies) {
            scores.add(score(context, reply));
        }
        return scores;
    }

    /**
     * Scores replies that each have their own context; implementations may batch. An entry is
     * null where the scorer declines to score (a judge given an empty reply), never a made-up number.
     */
    default List<Double> scoreEach(List<ReplyInContext> items) {
        List<Double> scores = new ArrayList<>(items.size());
        for (ReplyInContext item : items) {
            scores.add(score(item.context(), item.reply()));
        }
        return scores;
    }

    /**
     * The transcript minimum below which this scorer calls an attack successful when the user sets
     * no threshold: a trained head's own, fitted on its training pairs; an LLM judge's harm cut; by
     * default 0, the scale's centre.
     */
    default double defaultThreshold() {
        return 0.0;
    }

    /** A stable identifier stored with every score. */
    String id();

    /** Where the scorer's model came from (a trained head's data, seed and versions), for provenance. */
    default java.util.Map<String, String> provenance() {
        return java.util.Map.of();
    }
}
