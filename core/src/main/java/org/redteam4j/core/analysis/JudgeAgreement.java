package org.redteam4j.core.analysis;

/**
 * How well a judge's binary calls agree with people's labels, each figure with its 95% interval:
 * Wilson intervals for accuracy, precision and recall (plain proportions), a seeded percentile
 * bootstrap over the items for F1 and Cohen's κ (which are not).
 *
 * @param precision null when the judge called nothing positive
 * @param recall    null when nothing was labelled positive
 * @param f1        NaN (with a NaN interval) when there is no positive at all, called or labelled
 * @param kappa     NaN when chance agreement is total (judge and labels constant and equal)
 */
public record JudgeAgreement(Confusion confusion, Proportion accuracy, Proportion precision, Proportion recall,
                             Interval f1, Interval kappa) {

    private static final long SEED = 17;
    private static final int RESAMPLES = 2_000;

    public static JudgeAgreement of(boolean[] predicted, boolean[] truth) {
        Confusion confusion = Confusion.of(predicted, truth);
        if (confusion.total() == 0) {
            throw new IllegalArgumentException("no judged items to compare with labels");
        }
        long tp = confusion.truePositives();
        long calledPositive = tp + confusion.falsePositives();
        long positive = tp + confusion.falseNegatives();
        return new JudgeAgreement(confusion,
                Proportion.of(tp + confusion.trueNegatives(), confusion.total()),
                calledPositive == 0 ? null : Proportion.of(tp, calledPositive),
                positive == 0 ? null : Proportion.of(tp, positive),
                Bootstrap.of(predicted.length, rows -> f1(resampled(rows, predicted, truth)), SEED, RESAMPLES),
                Bootstrap.of(predicted.length, rows -> kappa(resampled(rows, predicted, truth)), SEED + 1, RESAMPLES));
    }

    /** F1, undefined (NaN) when nothing is positive on either side: there is nothing to find. */
    static double f1(Confusion c) {
        return c.truePositives() + c.falsePositives() + c.falseNegatives() == 0 ? Double.NaN : c.f1();
    }

    /** Cohen's kappa, undefined (NaN) where {@link Confusion#kappa} says 0: both sides constant and equal. */
    static double kappa(Confusion c) {
        boolean allPositive = c.falsePositives() + c.falseNegatives() + c.trueNegatives() == 0;
        boolean allNegative = c.truePositives() + c.falsePositives() + c.falseNegatives() == 0;
        return allPositive || allNegative ? Double.NaN : c.kappa();
    }

    private static Confusion resampled(int[] rows, boolean[] predicted, boolean[] truth) {
        boolean[] p = new boolean[rows.length];
        boolean[] t = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = predicted[rows[i]];
            t[i] = truth[rows[i]];
        }
        return Confusion.of(p, t);
    }
}
