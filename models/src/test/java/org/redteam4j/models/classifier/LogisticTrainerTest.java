package org.redteam4j.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticTrainerTest {

    /** Rows from a known logistic model: P(y) = σ(2·x0 − 1·x1 + 0.5), x2 is noise. */
    private static double[][] x;
    private static boolean[] y;

    static {
        SplittableRandom random = new SplittableRandom(7);
        x = new double[2000][3];
        y = new boolean[2000];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = random.nextDouble() < LogisticTrainer.sigmoid(2 * x[i][0] - x[i][1] + 0.5);
        }
    }

    @Test
    void recoversTheWeightsOfTheModelThatMadeTheLabels() {
        LogisticTrainer.Fit fit = LogisticTrainer.fit(x, y, 1e-6, null);

        assertThat(fit.weights()[0]).isBetween(1.7, 2.3);
        assertThat(fit.weights()[1]).isBetween(-1.3, -0.7);
        assertThat(fit.weights()[2]).isBetween(-0.2, 0.2);
        assertThat(fit.bias()).isBetween(0.3, 0.7);
    }

    @Test
    void aStrongerPenaltyShrinksTheWeightsButNotTheBias() {
        LogisticTrainer.Fit weak = LogisticTrainer.fit(x, y, 1e-6, null);
        LogisticTrainer.Fit strong = LogisticTrainer.fit(x, y, 1.0, null);

        assertThat(Math.abs(strong.weights()[0])).isLessThan(Math.abs(weak.weights()[0]) / 2);
        assertThat(strong.bias()).isPositive();
        assertThat(LogisticTrainer.logLoss(x, y, weak)).isLessThan(LogisticTrainer.logLoss(x, y, strong));
    }

    @Test
    void aWarmStartReachesTheSameOptimumAndTheSameRowsGiveTheSameBits() {
        LogisticTrainer.Fit cold = LogisticTrainer.fit(x, y, 0.01, null);
        LogisticTrainer.Fit warm = LogisticTrainer.fit(x, y, 0.01, LogisticTrainer.fit(x, y, 0.3, null));

        assertThat(warm.weights()[0]).isCloseTo(cold.weights()[0], org.assertj.core.data.Offset.offset(1e-4));
        assertThat(LogisticTrainer.fit(x, y, 0.01, null).weights()).containsExactly(cold.weights());
    }
}
