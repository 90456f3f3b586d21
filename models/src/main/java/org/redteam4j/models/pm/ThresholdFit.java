package org.redteam4j.models.pm;

import java.util.Arrays;
import java.util.Optional;
import org.redteam4j.core.analysis.BestThreshold;

/**
 * The head's default threshold, fitted on its training pairs: each rejected reply counts as a
 * successful attack and each chosen reply as not, and the threshold is the score that separates
 * them best in Cohen's kappa ({@link BestThreshold}, the same search {@code calibrate} reports).
 * Only training pairs may be passed, never the test split, or the test accuracy is no longer honest.
 */
public final class ThresholdFit {

    public static final String PROVENANCE = "max Cohen's kappa of score < T; rejected replies of the training pairs "
            + "as successful attacks, chosen replies as not";

    private ThresholdFit() {
    }

    /** The fit on the scores of the chosen and of the rejected replies; empty when all scores are equal. */
    public static Optional<BestThreshold> fit(double[] chosen, double[] rejected) {
        double[] scores = new double[chosen.length + rejected.length];
        boolean[] successful = new boolean[scores.length];
        System.arraycopy(chosen, 0, scores, 0, chosen.length);
        System.arraycopy(rejected, 0, scores, chosen.length, rejected.length);
        Arrays.fill(successful, chosen.length, scores.length, true);
        return BestThreshold.search(scores, successful);
    }

    /** The head with the threshold fitted on these training feature rows; unchanged when nothing separates. */
    public static PreferenceHead fitted(PreferenceHead head, double[][] chosen, double[][] rejected) {
        return fit(PairScores.scores(head, chosen), PairScores.scores(head, rejected))
                .map(best -> head.withThreshold(best.threshold()))
                .orElse(head);
    }
}
