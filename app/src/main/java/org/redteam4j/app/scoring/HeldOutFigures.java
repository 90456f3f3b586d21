package org.redteam4j.app.scoring;

import java.util.Locale;
import org.redteam4j.core.analysis.Bootstrap;
import org.redteam4j.core.analysis.Confusion;
import org.redteam4j.core.analysis.Interval;
import org.redteam4j.core.analysis.Proportion;

/**
 * Precision, recall, F1 and accuracy of a held-out confusion, each with its 95% interval: Wilson's
 * for the three proportions; for F1, which is no proportion of replies, a percentile bootstrap over
 * the held-out replies (1,000 resamples, seed 1).
 */
final class HeldOutFigures {

    private HeldOutFigures() {
    }

    static String line(Confusion c) {
        return String.format(Locale.ROOT, "P %s  R %s  F1 %s  acc %s  (tp %d fp %d fn %d tn %d)",
                share(c.truePositives(), c.truePositives() + c.falsePositives()),
                share(c.truePositives(), c.truePositives() + c.falseNegatives()), f1(c),
                share(c.truePositives() + c.trueNegatives(), c.total()),
                c.truePositives(), c.falsePositives(), c.falseNegatives(), c.trueNegatives());
    }

    static String share(long successes, long trials) {
        if (trials == 0) {
            return "n/a";
        }
        Proportion p = Proportion.of(successes, trials);
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.estimate(), p.low(), p.high());
    }

    static String f1(Confusion c) {
        int n = (int) c.total();
        if (c.truePositives() + c.falsePositives() + c.falseNegatives() == 0) {
            return "n/a";
        }
        // rows 0..tp-1 are true positives, then false positives, false negatives, true negatives
        long tp = c.truePositives();
        long fp = tp + c.falsePositives();
        long fn = fp + c.falseNegatives();
        Interval interval = Bootstrap.of(n, rows -> {
            double t = 0;
            double wrong = 0;
            for (int row : rows) {
                if (row < tp) {
                    t++;
                } else if (row < fn) {
                    wrong++;
                }
            }
            return t + wrong == 0 ? 0 : 2 * t / (2 * t + wrong);
        }, 1, Bootstrap.DEFAULT_RESAMPLES);
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", interval.estimate(), interval.low(), interval.high());
    }

    static double f1Estimate(Confusion c) {
        double wrong = c.falsePositives() + c.falseNegatives();
        return c.truePositives() + wrong == 0 ? 0 : 2.0 * c.truePositives() / (2.0 * c.truePositives() + wrong);
    }
}
