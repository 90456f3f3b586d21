package org.redteam4j.core.intervention;

import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.transcript.Turn;

/** Replies with the scorer's harmlessness score attached, scored in one batch against the same context. */
final class ScoredReplies {

    private ScoredReplies() {
    }

    /** A new, mutable list in the order given. */
    static List<Reply> of(HarmlessnessScorer scorer, List<Turn> context, List<Reply> replies) {
        List<Double> scores = scorer.scoreAll(context, replies.stream().map(Reply::text).toList());
        List<Reply> scored = new ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            scored.add(replies.get(i).scored(scores.get(i)));
        }
        return scored;
    }
}
