package org.redteam4j.core.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The threshold T for which "score &lt; T" agrees best with a yes/no truth, in Cohen's kappa. Only
 * the midpoints between sorted distinct scores are tried: any other T splits the scores the same
 * way as one of them or not at all (a constant call, kappa 0). Among equal kappas the higher
 * accuracy wins, then the lower T, so the result is deterministic.
 *
 * @param threshold the fitted T
 * @param confusion "score &lt; T" against the truth, on the cases it was fitted on
 */
public record BestThreshold(double threshold, Confusion confusion) {

    /** Below this many cases, or this many of either class, a fitted threshold is mostly noise. */
    public static final int TRUSTED_CASES = 50;
    public static final int TRUSTED_CLASS = 10;
    private static final double TIE = 1e-12;

    /** Searches every midpoint; empty when there are fewer than two distinct scores. */
    public static Optional<BestThreshold> search(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and truths differ in length");
        }
        Integer[] order = new Integer[scores.length];
        long positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is not a finite number: " + scores[i]);
            }
            order[i] = i;
            positives += positive[i] ? 1 : 0;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        // sweep T upwards: cases with scores below T are called positive
        long tp = 0;
        long fp = 0;
        BestThreshold best = null;
        int i = 0;
        while (i < order.length) {
            double value = scores[order[i]];
            for (; i < order.length && scores[order[i]] == value; i++) {
                if (positive[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
            }
            if (i == order.length) {
                break;
            }
            Confusion table = new Confusion(tp, fp, positives - tp, scores.length - positives - fp);
            BestThreshold candidate = new BestThreshold(midpoint(value, scores[order[i]]), table);
            if (best == null || better(candidate, best)) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(BestThreshold candidate, BestThreshold best) {
        // kappas equal in exact arithmetic can differ in the last bits; those count as ties
        double gain = candidate.kappa() - best.kappa();
        return gain > TIE || Math.abs(gain) <= TIE && candidate.accuracy() > best.accuracy() + TIE;
    }

    /** Strictly above {@code low} and at most {@code high}, so "score &lt; T" puts low below and high above. */
    private static double midpoint(double low, double high) {
        double mid = low / 2 + high / 2;
        return mid > low ? mid : high;
    }

    public double kappa() {
        return confusion.kappa();
    }

    public double accuracy() {
        return confusion.accuracy();
    }

    public long cases() {
        return confusion.total();
    }

    public long positives() {
        return confusion.truePositives() + confusion.falseNegatives();
    }

    public long negatives() {
        return cases() - positives();
    }

    /** Fewer than {@value #TRUSTED_CASES} cases or {@value #TRUSTED_CLASS} of either class. */
    public boolean tooFewToTrust() {
        return cases() < TRUSTED_CASES || positives() < TRUSTED_CLASS || negatives() < TRUSTED_CLASS;
    }
}
