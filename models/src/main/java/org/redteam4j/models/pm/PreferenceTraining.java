package org.redteam4j.models.pm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.scoring.ReplyInContext;

/**
 * Trains a preference model on the pairs outside the test split and measures it on the pairs
 * inside, which it never saw. The split is by content hash ({@link TrainingPair#inTestSplit}).
 */
public final class PreferenceTraining {

    public static final double DEFAULT_TEST_FRACTION = 0.25;

    /**
     * The trained head (its default threshold fitted on the training pairs), its training summary and,
     * when the data had test pairs, its test accuracy.
     */
    public record Outcome(PreferenceHead head, BradleyTerryTrainer.Result training, Proportion testAccuracy,
                          int skippedPairs) {
    }

    private PreferenceTraining() {
    }

    /**
     * {@code extraTraining} pairs (from other data sets, see {@link ContrastPairs}) only ever train:
     * the test split, the validation pairs (which pick L2 and stop training) and the default
     * threshold's fit are made of {@code pairs} alone, so they measure the distribution the head is for.
     */
    public static Outcome train(List<PreferencePair> pairs, List<PreferencePair> extraTraining, double testFraction, FeatureSpec spec,
                                BradleyTerryTrainer.Settings settings, Map<Embedder.Kind, Embedder> embedders,
                                Map<String, String> provenance) {
        List<TrainingPair> train = new ArrayList<>();
        List<TrainingPair> test = new ArrayList<>();
        int skipped = 0;
        for (PreferencePair pair : pairs) {
            TrainingPair usable = TrainingPair.of(pair);
            if (usable == null) {
                skipped++;
            } else {
                (TrainingPair.inTestSplit(pair, testFraction) ? test : train).add(usable);
            }
        }
        int own = train.size();
        for (PreferencePair pair : extraTraining) {
            TrainingPair usable = TrainingPair.of(pair);
            if (usable == null) {
                skipped++;
            } else {
                train.add(usable);
            }
        }
        Featurizer featurizer = new Featurizer(spec, embedders);
        Map<String, String> made = new LinkedHashMap<>(provenance);
        made.put("test_fraction", String.valueOf(testFraction));
        made.put("test_split", "sha256(chosen NUL rejected) first 8 bytes mod 10000 < fraction x 10000");
        made.put("threshold_fit", ThresholdFit.PROVENANCE);
        double[][] chosen = featurizer.features(side(train, true));
        double[][] rejected = featurizer.features(side(train, false));
        BradleyTerryTrainer.Result result = new BradleyTerryTrainer(settings).train(chosen, rejected, own, spec, made);
        PreferenceHead head = ThresholdFit.fitted(result.head(), java.util.Arrays.copyOf(chosen, own),
                java.util.Arrays.copyOf(rejected, own)); // the data's own training pairs only
        Proportion accuracy = test.isEmpty() ? null : accuracy(head, featurizer, test);
        return new Outcome(head, result, accuracy, skipped);
    }

    /** Share of pairs where the head scores the chosen reply above the rejected one. */
    public static Proportion accuracy(PreferenceHead head, Featurizer featurizer, List<TrainingPair> pairs) {
        return PairScores.of(head, featurizer, pairs).accuracy();
    }

    public static List<ReplyInContext> side(List<TrainingPair> pairs, boolean chosen) {
        return pairs.stream().map(pair -> chosen ? pair.chosen() : pair.rejected()).toList();
    }
}
