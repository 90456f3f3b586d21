package org.redteam4j.models.pm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BradleyTerryTrainerTest {

    private static final FeatureSpec LEXICAL = FeatureSpec.lexicalOnly();

    @TempDir
    Path dir;

    /** Pairs where feature 1 (refusal phrases) separates chosen from rejected, with noise elsewhere. */
    private static double[][][] pairs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] chosen = new double[n][LEXICAL.dimension()];
        double[][] rejected = new double[n][LEXICAL.dimension()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < LEXICAL.dimension(); j++) {
                chosen[i][j] = random.nextGaussian();
                rejected[i][j] = random.nextGaussian();
            }
            chosen[i][1] += 1.5;
        }
        return new double[][][] {chosen, rejected};
    }

    @Test
    void learnsToScoreTheChosenSideHigher() {
        double[][][] data = pairs(400, 3);

        BradleyTerryTrainer.Result result = new BradleyTerryTrainer(BradleyTerryTrainer.Settings.DEFAULT)
                .train(data[0], data[1], LEXICAL, Map.of());

        double[][][] fresh = pairs(400, 4);
        int right = 0;
        for (int i = 0; i < 400; i++) {
            if (result.head().score(fresh[0][i]) > result.head().score(fresh[1][i])) {
                right++;
            }
        }
        assertThat(right / 400.0).isGreaterThan(0.75); // the Bayes rate for this separation is about 0.85
        assertThat(result.head().weights()[1]).isPositive();
        assertThat(result.validationPairs()).isEqualTo(60);
    }

    @Test
    void isDeterministicForASeedAndCentresScoresOnZero() {
        double[][][] data = pairs(300, 5);
        BradleyTerryTrainer trainer = new BradleyTerryTrainer(BradleyTerryTrainer.Settings.DEFAULT);

        PreferenceHead first = trainer.train(data[0], data[1], LEXICAL, Map.of()).head();
        PreferenceHead second = trainer.train(data[0], data[1], LEXICAL, Map.of()).head();

        assertThat(second.weights()).containsExactly(first.weights());
        assertThat(second.bias()).isEqualTo(first.bias());
        double mean = 0;
        for (int i = 0; i < 300; i++) {
            mean += first.score(data[0][i]) + first.score(data[1][i]);
        }
        assertThat(Math.abs(mean / 600)).isLessThan(0.1);
    }

    @Test
    void aHeadSurvivesItsFile() throws Exception {
        double[][][] data = pairs(100, 6);
        PreferenceHead head = new BradleyTerryTrainer(BradleyTerryTrainer.Settings.DEFAULT)
                .train(data[0], data[1], LEXICAL, Map.of("data", "synthetic")).head();
        Path file = dir.resolve("head.json");

        head.write(file);
        PreferenceHead read = PreferenceHead.read(file);

        assertThat(read.spec()).isEqualTo(head.spec());
        assertThat(read.provenance()).containsEntry("data", "synthetic").containsKey("seed");
        for (int i = 0; i < 20; i++) {
            assertThat(read.score(data[0][i])).isCloseTo(head.score(data[0][i]), org.assertj.core.data.Offset.offset(1e-4));
        }
    }
}
