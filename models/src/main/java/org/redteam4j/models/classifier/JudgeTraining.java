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
import org.redteam4j.core.analysis.BestThreshold;
import org.redteam4j.core.analysis.Confusion;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.models.refusal.RefusalPhrases;

/**
 * Trains a classifier head by a {@link Recipe} and validates it on what it never saw. Every outer
 * fold chooses its own design and L2 strength by inner cross-validation on its training examples
 * alone (lowest pooled held-out log loss), so the outer figures never chose anything. The shipped
 * head is then trained on every example, its design and L2 chosen the same way, and carries the
 * pooled outer confusion as its calibration. The decision threshold is chosen by the same inner
 * folds: the probability that best separates their held-out replies (max Cohen's kappa,
 * {@link BestThreshold}), since a head trained on some models is not calibrated on others.
 */
public final class JudgeTraining {

    /** Strongest first: each fit starts from the last, which converges in a few steps. */
    static final double[] L2_GRID = {1, 0.3, 0.1, 0.03, 0.01};

    /** What inner cross-validation chose and how well it held out. */
    public record Choice(Design design, double l2, double innerLogLoss, double threshold) {
    }

    /** One outer fold: what it held out and what it chose on the rest. */
    public record Fold(String name, int trained, int heldOut, Choice choice) {
    }

    /**
     * The shipped head; the outer folds; each example's held-out prediction (null when an example
     * was never held out) in the order of {@code examples}.
     */
    public record Outcome(ClassifierHead head, Choice choice, List<Fold> folds, List<Example> examples, Boolean[] heldOut,
                          double featureSeconds) {

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

    /** CPU-bound fits: as many at once as there are cores. */
    private static final java.util.concurrent.ExecutorService FITS = java.util.concurrent.Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), task -> {
                Thread thread = new Thread(task, "redteam4j-classifier-fit");
                thread.setDaemon(true);
                return thread;
            });

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
        long start = System.nanoTime();
        List<double[][]> rows = new ArrayList<>();
        for (Design design : recipe.designs()) {
            rows.add(new ClassifierFeatures(design, RefusalPhrases.shipped())
                    .rows(examples.stream().map(Example::inContext).toList()));
        }
        double featureSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, List<Integer>> outerFolds = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            String fold = recipe.validation().outer().apply(examples.get(i));
            if (fold != null) {
                outerFolds.computeIfAbsent(fold, name -> new ArrayList<>()).add(i);
            }
        }
        Boolean[] heldOut = new Boolean[examples.size()];
        List<Fold> folds = new ArrayList<>();
        // the outer folds and the shipped head's fit are independent: run them at once (each is deterministic)
        List<Map.Entry<String, List<Integer>>> outer = new ArrayList<>(new java.util.TreeMap<>(outerFolds).entrySet());
        List<java.util.concurrent.CompletableFuture<Chosen>> runs = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> fold : outer) {
            Set<Integer> test = new java.util.HashSet<>(fold.getValue());
            int[] train = range(examples.size()).filter(i -> !test.contains(i)).toArray();
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> chooseAndFit(recipe, examples, rows, labels, train), FITS));
        }
        Chosen all = chooseAndFit(recipe, examples, rows, labels, range(examples.size()).toArray());
        for (int f = 0; f < outer.size(); f++) {
            Chosen chosen = runs.get(f).join();
            List<Integer> held = outer.get(f).getValue();
            for (int i : held) {
                heldOut[i] = chosen.probability(rows.get(chosen.designIndex)[i]) >= chosen.choice.threshold();
            }
            folds.add(new Fold(outer.get(f).getKey(), examples.size() - held.size(), held.size(), chosen.choice));
        }
        Map<String, String> made = new LinkedHashMap<>(provenance);
        made.put("trainer", "l2 logistic regression (l-bfgs), mean log loss + l2/2 |w|^2, bias unpenalised");
        made.put("l2_grid", Arrays.toString(L2_GRID));
        made.put("l2", String.valueOf(all.choice.l2()));
        made.put("design", all.choice.design().describe());
        made.put("design_choice", "inner cross-validation (" + recipe.validation().name() + ", inner folds) of "
                + recipe.designs().size() + " design(s) x " + L2_GRID.length + " l2 by pooled held-out log loss");
        made.put("threshold_choice", "max Cohen's kappa of P >= T on the inner folds' held-out replies");
        made.put("examples", String.valueOf(examples.size()));
        made.put("positives", String.valueOf(examples.stream().filter(Example::positive).count()));
        made.put("validation", recipe.validation().name());
        Outcome draft = new Outcome(null, all.choice, folds, examples, heldOut, featureSeconds);
        Confusion pooled = draft.confusion(recipe.calibrated());
        JudgeCalibration calibration = new JudgeCalibration(recipe.task().id(), recipe.task(), recipe.calibration(),
                pooled.truePositives(), pooled.falsePositives(), pooled.falseNegatives(), pooled.trueNegatives());
        Design design = all.choice.design();
        ClassifierHead head = new ClassifierHead(recipe.task(), design, RefusalPhrases.shipped().sha256(), all.scaling.means(), all.scaling.scales(), all.fit.weights(), all.fit.bias(),
                all.choice.threshold(),
                Optional.of(calibration), made);
        return new Outcome(head, all.choice, folds, examples, heldOut, featureSeconds);
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
        int bestK = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] bestHeldOut = null;
        for (int d = 0; d < rows.size(); d++) {
            double[] loss = new double[L2_GRID.length];
            double[][] probabilities = new double[L2_GRID.length][examples.size()];
            for (List<Integer> held : inner.values()) {
                Set<Integer> heldSet = new java.util.HashSet<>(held);
                int[] fitRows = Arrays.stream(train).filter(i -> !heldSet.contains(i)).toArray();
                Standardised scaling = Standardised.of(select(rows.get(d), fitRows));
                double[][] x = scaling.apply(select(rows.get(d), fitRows));
                boolean[] y = select(labels, fitRows);
                int[] heldRows = held.stream().mapToInt(Integer::intValue).toArray();
                double[][] heldX = scaling.apply(select(rows.get(d), heldRows));
                boolean[] heldY = select(labels, heldRows);
                LogisticTrainer.Fit previous = null;
                for (int k = 0; k < L2_GRID.length; k++) {
                    previous = LogisticTrainer.fit(x, y, L2_GRID[k], previous);
                    loss[k] += LogisticTrainer.logLoss(heldX, heldY, previous) * held.size();
                    for (int h = 0; h < heldRows.length; h++) {
                        probabilities[k][heldRows[h]] = LogisticTrainer.probability(heldX[h], previous);
                    }
                }
            }
            for (int k = 0; k < L2_GRID.length; k++) {
                double mean = loss[k] / train.length;
                if (mean < bestLoss) {
                    bestLoss = mean;
                    bestDesign = d;
                    bestK = k;
                    bestHeldOut = probabilities[k];
                }
            }
        }
        double threshold = threshold(bestHeldOut, labels, train);
        double l2 = L2_GRID[bestK];
        Standardised scaling = Standardised.of(select(rows.get(bestDesign), train));
        LogisticTrainer.Fit fit = LogisticTrainer.fit(scaling.apply(select(rows.get(bestDesign), train)), select(labels, train), l2, null);
        return new Chosen(new Choice(recipe.designs().get(bestDesign), l2, bestLoss, threshold), bestDesign, scaling, fit);
    }

    /** The probability T for which "P >= T" agrees best (kappa) with the labels of the inner held-out replies. */
    private static double threshold(double[] heldOut, boolean[] labels, int[] train) {
        double[] negated = new double[train.length];
        boolean[] positive = new boolean[train.length];
        for (int k = 0; k < train.length; k++) {
            negated[k] = -heldOut[train[k]]; // BestThreshold fits "score < T" as positive
            positive[k] = labels[train[k]];
        }
        double t = BestThreshold.search(negated, positive).map(best -> -best.threshold()).orElse(0.5);
        return Math.min(0.99, Math.max(0.01, t));
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
