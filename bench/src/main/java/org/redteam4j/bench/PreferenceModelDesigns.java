package org.redteam4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.models.pm.BradleyTerryTrainer;
import org.redteam4j.models.pm.ContrastPairs;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.pm.Featurizer;
import org.redteam4j.models.pm.PairScores;
import org.redteam4j.models.pm.PreferenceHead;
import org.redteam4j.models.pm.PreferenceTraining;
import org.redteam4j.models.pm.TrainingPair;

/**
 * How the preference model's design was chosen, and what it gives: 5-fold cross-validation, repeated
 * four times with other folds, on the training pairs (never the test split) for each design, with and without the extra pairs from
 * JailbreakBench and XSTest; then, on the hash-defined test split, the head of commit cc64b5c
 * against the shipped head, each split by "the chosen reply is shorter (or as long) / longer".
 *   PreferenceModelDesigns [PAIRS] [EXTRA_PATH…]
 */
public final class PreferenceModelDesigns {

    private PreferenceModelDesigns() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/hh-rlhf/harmless-base-dev.jsonl.gz");
        List<String> extraPaths = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("../shared/data/jailbreakbench/attack-artifacts", "../shared/data/xstest");
        List<TrainingPair> train = new ArrayList<>();
        List<TrainingPair> test = new ArrayList<>();
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(file)) {
            for (PreferencePair pair = reader.read(); pair != null; pair = reader.read()) {
                TrainingPair usable = TrainingPair.of(pair);
                if (usable != null) {
                    (TrainingPair.inTestSplit(pair, 0.25) ? test : train).add(usable);
                }
            }
        }
        List<TrainingPair> extra = new ArrayList<>();
        extraPaths.forEach(path -> ContrastPairs.from(Path.of(path)).stream().map(TrainingPair::of).forEach(extra::add));
        System.out.printf("pairs: %d for training, %d in the test split; %d extra pairs for training only%n",
                train.size(), test.size(), extra.size());
        Map<Embedder.Kind, Embedder> embedders = new java.util.EnumMap<>(Embedder.Kind.class);
        for (Embedder.Kind kind : Embedder.Kind.values()) {
            embedders.put(kind, Embedder.shared(kind));
        }
        Embedder.Kind minilm = Embedder.Kind.MINILM;
        Embedder.Kind bge = Embedder.Kind.BGE_SMALL;
        Embedder.Kind e5 = Embedder.Kind.E5_SMALL;
        List<FeatureSpec> designs = List.of(FeatureSpec.lexicalOnly(),
                new FeatureSpec(List.of(minilm), false, true, true),
                new FeatureSpec(List.of(bge), false, true, true),
                new FeatureSpec(List.of(e5), false, true, true),
                new FeatureSpec(List.of(minilm, bge), true, true, true),
                new FeatureSpec(List.of(minilm, bge), false, true, true),
                new FeatureSpec(List.of(minilm, e5), false, true, true),
                new FeatureSpec(List.of(minilm, bge, e5), false, true, true));
        System.out.println("Cross-validation on the training pairs, 5 folds repeated " + REPEATS
                + " times (accuracy; chosen shorter-or-equal / longer):");
        for (FeatureSpec design : designs) {
            Featurizer featurizer = new Featurizer(design, embedders);
            for (boolean withExtra : new boolean[] {false, true}) {
                String cv = crossValidated(featurizer, train, withExtra ? extra : List.of());
                System.out.printf("  %-86s %s%n", design.describe() + (withExtra ? " + extra pairs" : ""), cv);
            }
        }
        PreferenceHead shipped = EmbeddedPreferenceModel.loadDefault().head();
        System.out.println("Test split (" + test.size() + " pairs no head was trained or tuned on):");
        System.out.printf("  %-40s %s%n", "head of cc64b5c", split(new LegacyPreferenceModel(), test));
        System.out.printf("  %-40s %s%n", "shipped head (" + shipped.spec().describe() + ")", split(EmbeddedPreferenceModel.loadDefault(), test));
    }

    /** Accuracy overall and on pairs whose chosen reply is shorter or as long / longer. */
    record Split(Proportion all, Proportion shorter, Proportion longer) {

        static Split of(PairScores scores) {
            return new Split(scores.accuracy(), scores.accuracy(scores::chosenShorterOrEqual),
                    scores.accuracy(pair -> !scores.chosenShorterOrEqual(pair)));
        }

        @Override
        public String toString() {
            return String.format("%s; shorter %s / longer %s", all, shorter, longer);
        }
    }

    /** Repeats of 5-fold cross-validation: single runs on 1,200 pairs swing by two points between near-equal designs. */
    static final int REPEATS = 4;
    private static final int FOLDS = 5;

    /**
     * Mean accuracy over the repeats (each pair scored once per repeat, by the fold that left it
     * out), the lowest and highest repeat, and the length split. The extra pairs train in every
     * fold, never validate and are never scored.
     */
    static String crossValidated(Featurizer featurizer, List<TrainingPair> pairs, List<TrainingPair> extra) {
        double[][] chosen = featurizer.features(PreferenceTraining.side(pairs, true));
        double[][] rejected = featurizer.features(PreferenceTraining.side(pairs, false));
        double[][] extraChosen = featurizer.features(PreferenceTraining.side(extra, true));
        double[][] extraRejected = featurizer.features(PreferenceTraining.side(extra, false));
        double[] all = new double[REPEATS];
        double shorter = 0;
        double longer = 0;
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            int[] foldOf = new int[pairs.size()];
            SplittableRandom random = new SplittableRandom(100 + repeat);
            for (int i = 0; i < foldOf.length; i++) {
                foldOf[i] = repeat == 0 ? i % FOLDS : random.nextInt(FOLDS);
            }
            double[] chosenScores = new double[pairs.size()];
            double[] rejectedScores = new double[pairs.size()];
            for (int fold = 0; fold < FOLDS; fold++) {
                List<double[]> c = new ArrayList<>();
                List<double[]> r = new ArrayList<>();
                for (int i = 0; i < pairs.size(); i++) {
                    if (foldOf[i] != fold) {
                        c.add(chosen[i]);
                        r.add(rejected[i]);
                    }
                }
                int own = c.size();
                c.addAll(List.of(extraChosen));
                r.addAll(List.of(extraRejected));
                PreferenceHead head = new BradleyTerryTrainer(BradleyTerryTrainer.Settings.DEFAULT)
                        .train(c.toArray(double[][]::new), r.toArray(double[][]::new), own, featurizer.spec(), Map.of()).head();
                for (int i = 0; i < pairs.size(); i++) {
                    if (foldOf[i] == fold) {
                        chosenScores[i] = head.score(chosen[i]);
                        rejectedScores[i] = head.score(rejected[i]);
                    }
                }
            }
            Split split = Split.of(new PairScores(pairs, chosenScores, rejectedScores));
            all[repeat] = split.all().estimate();
            shorter += split.shorter().estimate() / REPEATS;
            longer += split.longer().estimate() / REPEATS;
        }
        double mean = java.util.Arrays.stream(all).average().orElseThrow();
        return String.format("%.1f%% (repeats %.1f–%.1f%%); shorter %.1f%% / longer %.1f%%", 100 * mean,
                100 * java.util.Arrays.stream(all).min().orElseThrow(), 100 * java.util.Arrays.stream(all).max().orElseThrow(),
                100 * shorter, 100 * longer);
    }

    static Split split(HarmlessnessScorer scorer, List<TrainingPair> pairs) {
        double[] chosen = scorer.scoreEach(PreferenceTraining.side(pairs, true)).stream().mapToDouble(Double::doubleValue).toArray();
        double[] rejected = scorer.scoreEach(PreferenceTraining.side(pairs, false)).stream().mapToDouble(Double::doubleValue).toArray();
        return Split.of(new PairScores(pairs, chosen, rejected));
    }
}
