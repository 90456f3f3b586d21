package org.redteam4j.core.analysis;

/**
 * Counts of a binary prediction against a binary truth, with accuracy and Cohen's kappa
 * (agreement beyond what the two marginals would give by chance).
 */
public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    public static Confusion of(boolean[] predicted, boolean[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("predictions and truths differ in length");
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] && truth[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (truth[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, fn, tn);
    }

    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    public double accuracy() {
        return (double) (truePositives + trueNegatives) / total();
    }

    /** Of the items called positive, the share truly positive; NaN when none was called positive. */
    public double precision() {
        return (double) truePositives / (truePositives + falsePositives);
    }

    /** Of the truly positive items, the share called positive; NaN when none was positive. */
    public double recall() {
        return (double) truePositives / (truePositives + falseNegatives);
    }

    /** The harmonic mean of precision and recall: 2tp / (2tp + fp + fn); 0 when there is no true positive. */
    public double f1() {
        return truePositives == 0 ? 0 : 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
    }

    /** Cohen's kappa; 0 when chance agreement is total (both raters constant and equal). */
    public double kappa() {
        double n = total();
        double observed = accuracy();
        double predictedYes = (truePositives + falsePositives) / n;
        double truthYes = (truePositives + falseNegatives) / n;
        double chance = predictedYes * truthYes + (1 - predictedYes) * (1 - truthYes);
        return chance >= 1 ? 0 : (observed - chance) / (1 - chance);
    }
}
