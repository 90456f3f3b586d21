package org.redteam4j.bench;

import java.util.Arrays;
import org.redteam4j.core.analysis.CorrectedRate;
import org.redteam4j.core.scoring.JudgeCalibration;

/**
 * What one corrected rate costs (its 2,000-resample bootstrap, calibration draws included) as the
 * number of judged attacks grows: the draws are Beta, so the cost should not grow with the counts.
 * Prints the median over repeats after a warm-up, and the interval (the same on every repeat: seeded).
 */
public final class CorrectionCost {

    private static final int REPEATS = 21;

    private CorrectionCost() {
    }

    public static void main(String[] args) {
        JudgeCalibration calibration = new JudgeCalibration("bench", JudgeCalibration.Task.HARM, "bench", 340, 100, 60, 300);
        for (int i = 0; i < 200; i++) { // warm up the JIT
            CorrectedRate.of(300, 1_000, calibration, "bench", i);
        }
        System.out.printf("calibration: 400 labelled hits (sensitivity 0.85), 400 labelled passes (specificity 0.75); "
                + "%d resamples; median of %d repeats%n", CorrectedRate.RESAMPLES, REPEATS);
        for (long judged : new long[] {1_000, 100_000, 1_000_000, 100_000_000}) {
            long hits = judged * 3 / 10;
            double[] millis = new double[REPEATS];
            CorrectedRate last = null;
            for (int r = 0; r < REPEATS; r++) {
                long start = System.nanoTime();
                last = CorrectedRate.of(hits, judged, calibration, "bench", 17);
                millis[r] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf("%,13d judged, %,11d hits: %7.2f ms per correction; corrected %.4f (95%% CI %.4f–%.4f)%n",
                    judged, hits, millis[REPEATS / 2], last.estimate(), last.low(), last.high());
        }
    }
}
