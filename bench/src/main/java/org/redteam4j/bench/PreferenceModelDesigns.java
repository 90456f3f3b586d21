package org.redteam4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.models.pm.BradleyTerryTrainer;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.pm.Featurizer;
import org.redteam4j.models.pm.PreferenceHead;
import org.redteam4j.models.pm.PreferenceTraining;
import org.redteam4j.models.pm.TrainingPair;

/**
 * Trains one preference head per feature design on the pairs outside the hash-defined test split
 * and prints each design's accuracy on the test split it never saw, with a 95% interval.
 *   PreferenceModelDesigns PAIRS [TEST_FRACTION]
 */
public final class PreferenceModelDesigns {

    private PreferenceModelDesigns() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/hh-rlhf/harmless-base-dev.jsonl.gz");
        double testFraction = args.length > 1 ? Double.parseDouble(args[1]) : 0.25;
        List<TrainingPair> train = new ArrayList<>();
        List<TrainingPair> test = new ArrayList<>();
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(file)) {
            for (PreferencePair pair = reader.read(); pair != null; pair = reader.read()) {
                TrainingPair usable = TrainingPair.of(pair);
                if (usable != null) {
                    (TrainingPair.inTestSplit(pair, testFraction) ? test : train).add(usable);
                }
            }
        }
        System.out.printf("pairs: %d for training (15%% of them held out for validation), %d never seen for test%n",
                train.size(), test.size());
        Map<Embedder.Kind, Embedder> embedders = new EnumMap<>(Embedder.Kind.class);
        for (Embedder.Kind kind : Embedder.Kind.values()) {
            embedders.put(kind, new Embedder(kind));
        }
        List<FeatureSpec> designs = List.of(
                new FeatureSpec(List.of(), false, true),
                new FeatureSpec(List.of(Embedder.Kind.MINILM), false, false),
                new FeatureSpec(List.of(Embedder.Kind.MINILM), true, false),
                new FeatureSpec(List.of(Embedder.Kind.MINILM), true, true),
                new FeatureSpec(List.of(Embedder.Kind.BGE_SMALL), false, false),
                new FeatureSpec(List.of(Embedder.Kind.BGE_SMALL), true, true),
                new FeatureSpec(List.of(Embedder.Kind.MINILM, Embedder.Kind.BGE_SMALL), false, true),
                new FeatureSpec(List.of(Embedder.Kind.MINILM, Embedder.Kind.BGE_SMALL), true, true),
                new FeatureSpec(List.of(Embedder.Kind.MINILM), false, true, true),
                new FeatureSpec(List.of(Embedder.Kind.BGE_SMALL), false, true, true),
                new FeatureSpec(List.of(Embedder.Kind.MINILM, Embedder.Kind.BGE_SMALL), false, true, true),
                new FeatureSpec(List.of(Embedder.Kind.MINILM, Embedder.Kind.BGE_SMALL), true, true, true));
        for (FeatureSpec spec : designs) {
            long started = System.nanoTime();
            Featurizer featurizer = new Featurizer(spec, embedders);
            BradleyTerryTrainer.Result result = new BradleyTerryTrainer(BradleyTerryTrainer.Settings.DEFAULT).train(
                    featurizer.features(side(train, true)), featurizer.features(side(train, false)), spec, Map.of());
            Proportion accuracy = accuracy(result.head(), featurizer, test);
            double cv = crossValidated(featurizer, train, 5);
            System.out.printf("%-70s test %s | 5-fold CV on training pairs %.1f%% | l2 %.0e | %.0f s%n", spec.describe(),
                    accuracy, 100 * cv, result.l2(), (System.nanoTime() - started) / 1e9);
        }
    }

    /** Mean accuracy over k folds of the training pairs: how designs are chosen without looking at the test split. */
    static double crossValidated(Featurizer featurizer, List<TrainingPair> pairs, int folds) {
        double sum = 0;
        for (int fold = 0; fold < folds; fold++) {
            List<TrainingPair> in = new ArrayList<>();
            List<TrainingPair> out = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                (i % folds == fold ? out : in).add(pairs.get(i));
            }
            PreferenceHead head = new BradleyTerryTrainer(BradleyTerryTrainer.Settings.DEFAULT).train(
                    featurizer.features(side(in, true)), featurizer.features(side(in, false)), featurizer.spec(), Map.of()).head();
            sum += accuracy(head, featurizer, out).estimate();
        }
        return sum / folds;
    }

    static Proportion accuracy(PreferenceHead head, Featurizer featurizer, List<TrainingPair> pairs) {
        return PreferenceTraining.accuracy(head, featurizer, pairs);
    }

    static List<ReplyInContext> side(List<TrainingPair> pairs, boolean chosen) {
        return PreferenceTraining.side(pairs, chosen);
    }
}
