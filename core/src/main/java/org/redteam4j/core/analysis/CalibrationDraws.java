package org.redteam4j.core.analysis;

import java.util.SplittableRandom;
import org.redteam4j.core.scoring.JudgeCalibration;

/**
 * A calibration's sensitivity and specificity for a hit, resampled from their binomials for the
 * corrected rates' bootstrap. Drawn once per calibration and shared by every row it corrects: the
 * rows share the one measurement, so their intervals share its uncertainty (and a summary of many
 * rows does not redraw it per row). Seeded from the counts alone, so the same calibration always
 * gives the same draws.
 */
public final class CalibrationDraws {

    private final JudgeCalibration calibration;
    private final double[] sensitivity;
    private final double[] specificity;

    private CalibrationDraws(JudgeCalibration calibration, double[] sensitivity, double[] specificity) {
        this.calibration = calibration;
        this.sensitivity = sensitivity;
        this.specificity = specificity;
    }

    /** {@code resamples} draws; a calibration without labelled hits or passes has none (it cannot correct anything). */
    public static CalibrationDraws of(JudgeCalibration calibration, int resamples) {
        if (calibration.trueHits() == 0 || calibration.truePasses() == 0) {
            return new CalibrationDraws(calibration, new double[0], new double[0]);
        }
        SplittableRandom random = new SplittableRandom(Bootstrap.seedFor(CorrectedRate.SEED, "calibration\u0000" + calibration));
        double[] sensitivity = new double[resamples];
        double[] specificity = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            sensitivity[b] = (double) Binomial.draw(random, calibration.trueHits(), calibration.hitSensitivity()) / calibration.trueHits();
            specificity[b] = (double) Binomial.draw(random, calibration.truePasses(), calibration.hitSpecificity())
                    / calibration.truePasses();
        }
        return new CalibrationDraws(calibration, sensitivity, specificity);
    }

    public JudgeCalibration calibration() {
        return calibration;
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
