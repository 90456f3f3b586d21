package org.redteam4j.core.analysis;

import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.redteam4j.core.scoring.JudgeCalibration;

/**
 * A calibration's sensitivity and specificity for a hit, drawn from their Jeffreys posteriors
 * ({@link Jeffreys}) for the corrected rates' bootstrap. Drawn once per calibration and shared by
 * every row it corrects: the rows share the one measurement, so their intervals share its
 * uncertainty (and a summary of many rows does not redraw it per row). Seeded from the counts
 * alone, so the same calibration always gives the same draws — and whether a correction is refused
 * ({@link #refusal}) depends on the calibration alone, so it can be known before a campaign runs.
 */
public final class CalibrationDraws {

    /** A correction is refused when more resamples than this share have sensitivity + specificity − 1 ≤ 0. */
    static final double MAX_AT_OR_BELOW_CHANCE = 0.025;

    private final JudgeCalibration calibration;
    private final double[] sensitivity;
    private final double[] specificity;
    private final Optional<String> refusal;

    private CalibrationDraws(JudgeCalibration calibration, double[] sensitivity, double[] specificity, Optional<String> refusal) {
        this.calibration = calibration;
        this.sensitivity = sensitivity;
        this.specificity = specificity;
        this.refusal = refusal;
    }

    /** {@code resamples} draws; a calibration without labelled hits or passes has none (it cannot correct anything). */
    public static CalibrationDraws of(JudgeCalibration calibration, int resamples) {
        Optional<String> countsRefusal = CorrectedRate.refusal(calibration);
        if (calibration.trueHits() == 0 || calibration.truePasses() == 0) {
            return new CalibrationDraws(calibration, new double[0], new double[0], countsRefusal);
        }
        SplittableRandom random = new SplittableRandom(Bootstrap.seedFor(CorrectedRate.SEED, "calibration\u0000" + calibration));
        double[] sensitivity = Jeffreys.draws(random, calibration.trueHitsJudgedHits(), calibration.trueHits(), resamples);
        double[] specificity = Jeffreys.draws(random, calibration.truePassesJudgedPasses(), calibration.truePasses(), resamples);
        int atOrBelowChance = 0;
        for (int b = 0; b < resamples; b++) {
            atOrBelowChance += sensitivity[b] + specificity[b] - 1 <= 0 ? 1 : 0;
        }
        Optional<String> refusal = countsRefusal;
        if (refusal.isEmpty() && atOrBelowChance > MAX_AT_OR_BELOW_CHANCE * resamples) {
            refusal = Optional.of(String.format(Locale.ROOT, "in %.1f%% of bootstrap resamples the judge's sensitivity + "
                    + "specificity − 1 was at or below 0: too few labelled replies in the calibration to bound the interval",
                    100.0 * atOrBelowChance / resamples));
        }
        return new CalibrationDraws(calibration, sensitivity, specificity, refusal);
    }

    /** {@link CorrectedRate#RESAMPLES} draws. */
    public static CalibrationDraws of(JudgeCalibration calibration) {
        return of(calibration, CorrectedRate.RESAMPLES);
    }

    public JudgeCalibration calibration() {
        return calibration;
    }

    /**
     * Why no rate can be corrected with this calibration, whatever the campaign's counts: no labelled
     * true hits or passes, sensitivity + specificity − 1 below {@value CorrectedRate#MIN_YOUDEN}, or
     * more than 2.5% of its resamples at or below chance.
     */
    public Optional<String> refusal() {
        return refusal;
    }

    int resamples() {
        return sensitivity.length;
    }

    double sensitivity(int b) {
        return sensitivity[b];
    }

    double specificity(int b) {
        return specificity[b];
    }
}
