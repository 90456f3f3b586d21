package org.redteam4j.models.pm;

import java.util.List;
import java.util.function.IntPredicate;
import org.redteam4j.core.analysis.Proportion;

/**
 * A head's scores of both sides of each pair, and the one rule of pairwise accuracy: a pair is
 * right when the chosen reply scores strictly above the rejected one (a tie is not right).
 * Lengths are in {@code chars}: Java {@code String} length (UTF-16 units) of each side's last
 * assistant reply, as the transcript parser gives it.
 */
public record PairScores(List<TrainingPair> pairs, double[] chosen, double[] rejected) {

    public PairScores {
        pairs = List.copyOf(pairs);
        if (chosen.length != pairs.size() || rejected.length != pairs.size()) {
            throw new IllegalArgumentException("one score per side of each pair is needed");
        }
    }

    public static PairScores of(PreferenceHead head, Featurizer featurizer, List<TrainingPair> pairs) {
        return new PairScores(pairs, scores(head, featurizer.features(PreferenceTraining.side(pairs, true))),
                scores(head, featurizer.features(PreferenceTraining.side(pairs, false))));
    }

    public int size() {
        return pairs.size();
    }

    public boolean right(int pair) {
        return chosen[pair] > rejected[pair];
    }

    public int chosenChars(int pair) {
        return pairs.get(pair).chosen().reply().length();
    }

    public int rejectedChars(int pair) {
        return pairs.get(pair).rejected().reply().length();
    }

    /** The length split's side: chosen no longer than rejected (a tie counts here). */
    public boolean chosenShorterOrEqual(int pair) {
        return chosenChars(pair) <= rejectedChars(pair);
    }

    public Proportion accuracy() {
        return accuracy(pair -> true);
    }

    /** Accuracy over the pairs that {@code which} keeps; null when it keeps none. */
    public Proportion accuracy(IntPredicate which) {
        long right = 0;
        long counted = 0;
        for (int i = 0; i < size(); i++) {
            if (which.test(i)) {
                counted++;
                right += right(i) ? 1 : 0;
            }
        }
        return counted == 0 ? null : Proportion.of(right, counted);
    }

    static double[] scores(PreferenceHead head, double[][] rows) {
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = head.score(rows[i]);
        }
        return scores;
    }
}
