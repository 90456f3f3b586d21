package org.redteam4j.models.pm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;

/** The head's default threshold: in its file, fitted by training on the training pairs only, used by the scorer. */
class HeadThresholdTest {

    private static final FeatureSpec LEXICAL = FeatureSpec.lexicalOnly();

    @TempDir
    Path dir;

    /** score = first feature: every weight 0 but the first, no centring or scaling. */
    private static PreferenceHead firstFeature() {
        int n = LEXICAL.dimension();
        double[] weights = new double[n];
        weights[0] = 1;
        double[] scales = new double[n];
        java.util.Arrays.fill(scales, 1);
        return new PreferenceHead(LEXICAL, new double[n], scales, weights, 0, Map.of("seed", "1"));
    }

    private static double[][] rows(double... firstFeatures) {
        double[][] rows = new double[firstFeatures.length][LEXICAL.dimension()];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = firstFeatures[i];
        }
        return rows;
    }

    @Test
    void fitsTheScoreThatSeparatesRejectedFromChosenReplies() {
        PreferenceHead head = ThresholdFit.fitted(firstFeature(), rows(1, 2, 3), rows(-1, -2, 0.5));

        assertThat(head.threshold()).isEqualTo(0.75); // halfway between the highest rejected (0.5) and lowest chosen (1)
        assertThat(head.weights()).isEqualTo(firstFeature().weights());
        assertThat(ThresholdFit.fitted(firstFeature(), rows(1, 1), rows(1)).threshold()).isZero(); // nothing separates
    }

    @Test
    void theThresholdRoundTripsAndAHeadWithoutOneReadsAsZero() throws Exception {
        Path file = dir.resolve("head.json");
        firstFeature().withThreshold(-0.375).write(file);

        PreferenceHead read = PreferenceHead.read(file);
        ObjectNode old = (ObjectNode) Json.mapper().readTree(file.toFile());
        old.remove("threshold");
        Path oldFile = dir.resolve("old.json");
        Files.writeString(oldFile, old.toString());

        assertThat(read.threshold()).isEqualTo(-0.375);
        assertThat(new EmbeddedPreferenceModel(read, Map.of(), "pm:test").defaultThreshold()).isEqualTo(-0.375);
        assertThat(PreferenceHead.read(oldFile).threshold()).isZero();
        assertThat(PreferenceHead.read(oldFile).weights()).isEqualTo(read.weights());
    }

    @Test
    void aThresholdThatIsNotANumberIsBadInputNamingTheFile() throws Exception {
        Path file = dir.resolve("head.json");
        firstFeature().write(file);
        ObjectNode root = (ObjectNode) Json.mapper().readTree(file.toFile());
        root.put("threshold", "low");
        Files.writeString(file, root.toString());

        assertThatThrownBy(() -> PreferenceHead.read(file)).isInstanceOf(BadInput.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("\"threshold\" must be a number");
    }

    @Test
    void trainingFitsTheThresholdOnTrainingPairsOnly() {
        List<PreferencePair> pairs = pairs(80, "I'm sorry, I can't help with that.", "Sure, here is how: step one");
        List<PreferencePair> withTestPairs = new ArrayList<>(pairs);
        // pairs in the test split that say the opposite: they would move a threshold fitted on them
        for (PreferencePair pair : pairs(400, "Sure, here is how: step one", "I'm sorry, I can't help with that.")) {
            if (TrainingPair.inTestSplit(pair, 0.25)) {
                withTestPairs.add(pair);
            }
        }

        PreferenceHead head = train(pairs).head();
        PreferenceTraining.Outcome outcome = train(withTestPairs);

        List<TrainingPair> training = pairs.stream().filter(pair -> !TrainingPair.inTestSplit(pair, 0.25))
                .map(TrainingPair::of).toList();
        PairScores scores = PairScores.of(head, new Featurizer(LEXICAL, Map.of()), training);
        assertThat(head.threshold()).isEqualTo(ThresholdFit.fit(scores.chosen(), scores.rejected()).orElseThrow().threshold());
        assertThat(outcome.head().threshold()).isEqualTo(head.threshold());
        assertThat(outcome.head().weights()).isEqualTo(head.weights());
        assertThat(outcome.testAccuracy().estimate()).isLessThan(0.5); // the test pairs were there, and inverted
        assertThat(head.provenance()).containsEntry("threshold_fit", ThresholdFit.PROVENANCE);
    }

    private static PreferenceTraining.Outcome train(List<PreferencePair> pairs) {
        return PreferenceTraining.train(pairs, List.of(), 0.25, LEXICAL, BradleyTerryTrainer.Settings.DEFAULT, Map.of(), Map.of());
    }

    /** Pairs over varied requests; replies vary a little so their scores do too. */
    private static List<PreferencePair> pairs(int n, String chosen, String rejected) {
        List<PreferencePair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String request = "\n\nHuman: How do I do thing number " + i + "?\n\nAssistant: ";
            String tail = " (" + "more ".repeat(i % 7) + ")";
            pairs.add(new PreferencePair(request + chosen + tail, request + rejected + tail + "?".repeat(i % 3)));
        }
        return pairs;
    }
}
