package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BestThresholdTest {

    @Test
    void findsTheMidpointThatSeparatesTheClasses() {
        double[] scores = {0.5, -1, 2, -3, 1};
        boolean[] positive = {false, true, false, true, false};

        BestThreshold best = BestThreshold.search(scores, positive).orElseThrow();

        assertThat(best.threshold()).isEqualTo(-0.25); // halfway between -1 and 0.5
        assertThat(best.kappa()).isEqualTo(1.0);
        assertThat(best.accuracy()).isEqualTo(1.0);
        assertThat(best.confusion()).isEqualTo(new Confusion(2, 0, 0, 3));
        assertThat(best.tooFewToTrust()).isTrue();
    }

    @Test
    void breaksATieInKappaAndAccuracyTowardsTheLowerThreshold() {
        // T = 2.5 and T = 4.5 both give kappa 2/3 and accuracy 5/6
        double[] scores = {1, 2, 3, 4, 5, 6};
        boolean[] positive = {true, true, false, true, false, false};

        BestThreshold best = BestThreshold.search(scores, positive).orElseThrow();

        assertThat(best.threshold()).isEqualTo(2.5);
        assertThat(best.kappa()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(best.accuracy()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void equalScoresAreNeverSplit() {
        double[] scores = {1, 1, 1, 2};
        boolean[] positive = {true, false, true, false};

        BestThreshold best = BestThreshold.search(scores, positive).orElseThrow();

        assertThat(best.threshold()).isEqualTo(1.5);
        assertThat(best.confusion()).isEqualTo(new Confusion(2, 1, 0, 1));
        assertThat(BestThreshold.search(new double[] {3, 3}, new boolean[] {true, false})).isEmpty();
        assertThat(BestThreshold.search(new double[0], new boolean[0])).isEmpty();
    }

    @Test
    void agreesWithTryingEveryMidpoint() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 50; round++) {
            int n = 2 + random.nextInt(60);
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = Math.round(random.nextGaussian() * 4) / 4.0; // coarse, so there are ties
                positive[i] = random.nextDouble() < 1 / (1 + Math.exp(2 * scores[i]));
            }
            TreeSet<Double> distinct = new TreeSet<>();
            for (double score : scores) {
                distinct.add(score);
            }
            double bestKappa = Double.NEGATIVE_INFINITY;
            Double previous = null;
            for (double score : distinct) {
                if (previous != null) {
                    double t = (previous + score) / 2;
                    boolean[] called = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        called[i] = scores[i] < t;
                    }
                    bestKappa = Math.max(bestKappa, Confusion.of(called, positive).kappa());
                }
                previous = score;
            }

            var found = BestThreshold.search(scores, positive);

            if (distinct.size() < 2) {
                assertThat(found).isEmpty();
            } else {
                assertThat(found.orElseThrow().kappa()).as("round %d", round).isCloseTo(bestKappa, within(1e-12));
            }
        }
    }

    @Test
    void trustNeedsFiftyCasesAndTenOfEachClass() {
        double[] scores = new double[60];
        boolean[] positive = new boolean[60];
        for (int i = 0; i < 60; i++) {
            scores[i] = i;
            positive[i] = i < 9;
        }
        assertThat(BestThreshold.search(scores, positive).orElseThrow().tooFewToTrust()).isTrue(); // 9 positives
        positive[9] = true;
        assertThat(BestThreshold.search(scores, positive).orElseThrow().tooFewToTrust()).isFalse();
    }

    @Test
    void rejectsAScoreThatIsNotANumber() {
        assertThatThrownBy(() -> BestThreshold.search(new double[] {1, Double.NaN}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score 1");
    }
}
