package org.redteam4j.models.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.redteam4j.core.analysis.Confusion;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.models.refusal.RefusalPhrases;

/**
 * Trains a classifier head by a {@link Recipe} and validates it on what it never saw. Every outer
 * fold chooses its own design and L2 strength by inner cross-validation on its training examples
 * alone (lowest pooled held-out log loss), so the outer figures never chose anything. The shipped
 * head is then trained on every example, its design and L2 chosen the same way, and carries the
 * pooled outer confusion as its calibration. The decision threshold is fixed at P = 0.5.
 */
public final class JudgeTraining {

    /** Strongest first: each fit starts from the last, which converges in a few steps. */
    static final double[] L2_GRID = {0.3, 0.1, 0.03, 0.01, 0.003};
    public static final double THRESHOLD = 0.5;

    /** What inner cross-validation chose and how well it held out. */
    public record Choice(Recipe.Design design, double l2, double innerLogLoss) {
    }

    /** One outer fold: what it held out and what it chose on the rest. */
    public record Fold(String name, int trained, int heldOut, Choice choice) {
    }

    /**
     * The shipped head; the outer folds; each example's held-out prediction (null when an example
     * was never held out) in the order of {@code examples}.
     */
    public record Outcome(ClassifierHead head, Choice choice, List<Fold> folds, List<Example> examples, Boolean[] heldOut) {

        /** The held-out confusion of the examples that pass {@code filter}; positive = the task's positive class. */
        public Confusion confusion(Predicate<Example> filter) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            long tn = 0;
            for (int i = 0; i < examples.size(); i++) {
                Example example = examples.get(i);
                if (heldOut[i] == null || !filter.test(example)) {
                    continue;
                }
                if (heldOut[i] && example.positive()) {
                    tp++;
                } else if (heldOut[i]) {
                    fp++;
                } else if (example.positive()) {
                    fn++;
                } else {
                    tn++;
                }
            }
            return new Confusion(tp, fp, fn, tn);
        }

        /** Held-out examples by source, in order of first appearance. */
        public Set<String> heldOutSources() {
            Set<String> sources = new LinkedHashSet<>();
            for (int i = 0; i < examples.size(); i++) {
                if (heldOut[i] != null) {
                    sources.add(examples.get(i).source());
                }
            }
            return sources;
        }
    }

    private JudgeTraining() {
    }

    /**
     * @param examples   the labelled replies, in a fixed order (the order decides nothing but is kept)
     * @param provenance what the caller knows of the data and the command, recorded in the head
     */
    public static Outcome train(Recipe recipe, List<Example> examples, Map<String, String> provenance) {
        boolean[] labels = new boolean[examples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = examples.get(i).positive();
        }
        List<double[][]> rows = new ArrayList<>();
        for (Recipe.Design design : recipe.designs()) {
            rows.add(new ClassifierFeatures(design.spec(), design.phrases(), RefusalPhrases.shipped())
                    .rows(examples.stream().map(Example::inContext).toList()));
        }
        Map<String, List<Integer>> outerFolds = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            String fold = recipe.validation().outer().apply(examples.get(i));
            if (fold != null) {
                outerFolds.computeIfAbsent(fold, name -> new ArrayList<>()).add(i);
            }
        }
        Boolean[] heldOut = new Boolean[examples.size()];
        List<Fold> folds = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> fold : new java.util.TreeMap<>(outerFolds).entrySet()) {
            Set<Integer> test = new java.util.HashSet<>(fold.getValue());
            int[] train = range(examples.size()).filter(i -> !test.contains(i)).toArray();
            Chosen chosen = chooseAndFit(recipe, examples, rows, labels, train);
            for (int i : fold.getValue()) {
                heldOut[i] = chosen.probability(rows.get(chosen.designIndex)[i]) >= THRESHOLD;
            }
            folds.add(new Fold(fold.getKey(), train.length, fold.getValue().size(), chosen.choice));
        }
        Chosen all = chooseAndFit(recipe, examples, rows, labels, range(examples.size()).toArray());
        Map<String, String> made = new LinkedHashMap<>(provenance);
        made.put("trainer", "l2 logistic regression (l-bfgs), mean log loss + l2/2 |w|^2, bias unpenalised");
        made.put("l2_grid", Arrays.toString(L2_GRID));
        made.put("l2", String.valueOf(all.choice.l2()));
        made.put("design", describe(all.choice.design()));
        made.put("design_choice", "inner cross-validation (" + recipe.validation().name() + ", inner folds) of "
                + recipe.designs().size() + " design(s) x " + L2_GRID.length + " l2 by pooled held-out log loss");
        made.put("threshold_choice", "fixed at P = " + THRESHOLD + " before training");
        made.put("examples", String.valueOf(examples.size()));
        made.put("positives", String.valueOf(examples.stream().filter(Example::positive).count()));
        made.put("validation", recipe.validation().name());
        Outcome draft = new Outcome(null, all.choice, folds, examples, heldOut);
        Confusion pooled = draft.confusion(recipe.calibrated());
        JudgeCalibration calibration = new JudgeCalibration(recipe.task().id(), recipe.task(), recipe.calibration(),
                pooled.truePositives(), pooled.falsePositives(), pooled.falseNegatives(), pooled.trueNegatives());
        Recipe.Design design = all.choice.design();
        ClassifierHead head = new ClassifierHead(recipe.task(), design.spec(), design.phrases(), RefusalPhrases.shipped().sha256(),
                all.scaling.means(), all.scaling.scales(), all.fit.weights(), all.fit.bias(), THRESHOLD,
                Optional.of(calibration), made);
        return new Outcome(head, all.choice, folds, examples, heldOut);
    }

    public static String describe(Recipe.Design design) {
        return design.spec().describe() + (design.phrases() ? " + refusal phrases" : "");
    }

    private record Chosen(Choice choice, int designIndex, Standardised scaling, LogisticTrainer.Fit fit) {

        double probability(double[] row) {
            double z = fit.bias();
            for (int j = 0; j < row.length; j++) {
                z += fit.weights()[j] * (row[j] - scaling.means()[j]) / scaling.scales()[j];
            }
            return LogisticTrainer.sigmoid(z);
        }
    }

    /** Inner CV over designs × L2 on the training rows, then the chosen one fitted on all of them. */
    private static Chosen chooseAndFit(Recipe recipe, List<Example> examples, List<double[][]> rows, boolean[] labels, int[] train) {
        Map<String, List<Integer>> inner = new java.util.TreeMap<>();
        for (int i : train) {
            inner.computeIfAbsent(recipe.validation().inner().apply(examples.get(i)), name -> new ArrayList<>()).add(i);
        }
        if (inner.size() < 2) {
            throw new IllegalArgumentException("inner cross-validation needs at least two groups of training examples");
        }
        int bestDesign = -1;
        double bestL2 = Double.NaN;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int d = 0; d < rows.size(); d++) {
            double[] loss = new double[L2_GRID.length];
            for (List<Integer> held : inner.values()) {
                Set<Integer> heldSet = new java.util.HashSet<>(held);
                int[] fitRows = Arrays.stream(train).filter(i -> !heldSet.contains(i)).toArray();
                Standardised scaling = Standardised.of(select(rows.get(d), fitRows));
                double[][] x = scaling.apply(select(rows.get(d), fitRows));
                boolean[] y = select(labels, fitRows);
                double[][] heldX = scaling.apply(select(rows.get(d), held.stream().mapToInt(Integer::intValue).toArray()));
                boolean[] heldY = select(labels, held.stream().mapToInt(Integer::intValue).toArray());
                LogisticTrainer.Fit previous = null;
                for (int k = 0; k < L2_GRID.length; k++) {
                    previous = LogisticTrainer.fit(x, y, L2_GRID[k], previous);
                    loss[k] += LogisticTrainer.logLoss(heldX, heldY, previous) * held.size();
                }
            }
            for (int k = 0; k < L2_GRID.length; k++) {
                double mean = loss[k] / train.length;
                if (mean < bestLoss) {
                    bestLoss = mean;
                    bestDesign = d;
                    bestL2 = L2_GRID[k];
                }
            }
        }
        Standardised scaling = Standardised.of(select(rows.get(bestDesign), train));
        LogisticTrainer.Fit fit = LogisticTrainer.fit(scaling.apply(select(rows.get(bestDesign), train)), select(labels, train), bestL2, null);
        return new Chosen(new Choice(recipe.designs().get(bestDesign), bestL2, bestLoss), bestDesign, scaling, fit);
    }

    private static java.util.stream.IntStream range(int n) {
        return java.util.stream.IntStream.range(0, n);
    }

    private static double[][] select(double[][] rows, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            out[k] = rows[indices[k]];
        }
        return out;
    }

    private static boolean[] select(boolean[] values, int[] indices) {
        boolean[] out = new boolean[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return out;
    }
}
