package org.redteam4j.core.testing;

import java.util.List;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.transcript.Turn;

/** A harmlessness scorer with no model to load: minus the reply's length, so longer reads as more harmful. */
public final class LengthScorer implements HarmlessnessScorer {

    @Override
    public double score(List<Turn> context, String reply) {
        return -reply.length();
    }

    @Override
    public String id() {
        return "length";
    }
}
