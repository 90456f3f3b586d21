package org.redteam4j.core.analysis;

/**
 * How well a judge's binary calls agree with people's labels, each figure with its 95% interval:
 * Wilson intervals for accuracy, precision and recall (plain proportions), a seeded percentile
 * bootstrap over the items for F1 and Cohen's κ (which are not).
 *
 * @param precision null when the judge called nothing positive
 * @param recall    null when nothing was labelled positive
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
                Bootstrap.of(predicted.length, rows -> resampled(rows, predicted, truth).f1(), SEED, RESAMPLES),
                Bootstrap.of(predicted.length, rows -> resampled(rows, predicted, truth).kappa(), SEED + 1, RESAMPLES));
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
