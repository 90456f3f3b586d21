package org.redteam4j.models.pm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a linear {@link PreferenceHead} with the Bradley–Terry loss: P(chosen beats rejected) =
 * σ(score(chosen) − score(rejected)). Full-batch Adam with L2; a validation split held out of the
 * training pairs picks the L2 strength and stops each run early. Deterministic for a seed.
 */
public final class BradleyTerryTrainer {

    /** Training settings. */
    public record Settings(long seed, double validationFraction, double[] l2Grid, int maxEpochs, int patience,
                           double learningRate) {

        public static final Settings DEFAULT = new Settings(1, 0.15, new double[] {0.1, 0.3, 1, 3, 10}, 600, 40, 0.02);
    }

    /** The trained head and what validation said about it. */
    public record Result(PreferenceHead head, double validationAccuracy, double validationLoss, double l2, int epochs,
                         int trainingPairs, int validationPairs) {
    }

    private final Settings settings;

    public BradleyTerryTrainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param chosen   features of the less harmful replies, one row per pair
     * @param rejected features of the more harmful replies, same order
     */
    public Result train(double[][] chosen, double[][] rejected, FeatureSpec spec, Map<String, String> provenance) {
        return train(chosen, rejected, chosen.length, spec, provenance);
    }

    /**
     * As above, where only the first {@code validatable} pairs may be held out for validation; the
     * rest come from other data sets and always train.
     */
    public Result train(double[][] chosen, double[][] rejected, int validatable, FeatureSpec spec, Map<String, String> provenance) {
        int n = chosen.length;
        if (validatable < 10 || validatable > n || rejected.length != n) {
            throw new IllegalArgumentException("training needs at least 10 pairs with both sides, got " + validatable);
        }
        int[] order = shuffled(validatable, settings.seed());
        int validation = Math.max(1, (int) Math.round(validatable * settings.validationFraction()));
        int[] validIdx = Arrays.copyOfRange(order, 0, validation);
        int[] trainIdx = new int[n - validation];
        System.arraycopy(order, validation, trainIdx, 0, validatable - validation);
        for (int i = validatable; i < n; i++) {
            trainIdx[i - validation] = i;
        }

        int d = spec.dimension();
        double[] means = new double[d];
        double[] scales = new double[d];
        standardisation(chosen, rejected, trainIdx, means, scales);
        double[][] trainDiff = differences(chosen, rejected, trainIdx, means, scales);
        double[][] validDiff = differences(chosen, rejected, validIdx, means, scales);

        Run best = null;
        for (double l2 : settings.l2Grid()) {
            Run run = fit(trainDiff, validDiff, l2);
            if (best == null || run.validationLoss < best.validationLoss) {
                best = run;
            }
        }
        double meanScore = 0;
        for (int i : trainIdx) {
            meanScore += dot(best.weights, chosen[i], means, scales) + dot(best.weights, rejected[i], means, scales);
        }
        meanScore /= 2.0 * trainIdx.length;
        Map<String, String> made = new LinkedHashMap<>(provenance);
        made.put("trainer", "bradley-terry, full-batch adam");
        made.put("seed", String.valueOf(settings.seed()));
        made.put("l2", String.valueOf(best.l2));
        made.put("epochs", String.valueOf(best.epochs));
        made.put("training_pairs", String.valueOf(trainIdx.length));
        made.put("validation_pairs", String.valueOf(validIdx.length));
        made.put("validation_accuracy", String.format("%.4f", best.validationAccuracy));
        PreferenceHead head = new PreferenceHead(spec, means, scales, best.weights, -meanScore, made);
        return new Result(head, best.validationAccuracy, best.validationLoss, best.l2, best.epochs, trainIdx.length,
                validIdx.length);
    }

    private record Run(double[] weights, double validationLoss, double validationAccuracy, double l2, int epochs) {
    }

    private Run fit(double[][] train, double[][] valid, double l2) {
        int d = train[0].length;
        double[] w = new double[d];
        double[] m = new double[d];
        double[] v = new double[d];
        double[] gradient = new double[d];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] bestW = w.clone();
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
            Arrays.fill(gradient, 0);
            for (double[] row : train) {
                double margin = dot(w, row);
                double g = -sigmoid(-margin); // d/dm log(1 + e^-m)
                for (int j = 0; j < d; j++) {
                    gradient[j] += g * row[j];
                }
            }
            for (int j = 0; j < d; j++) {
                gradient[j] = gradient[j] / train.length + l2 * w[j];
                m[j] = beta1 * m[j] + (1 - beta1) * gradient[j];
                v[j] = beta2 * v[j] + (1 - beta2) * gradient[j] * gradient[j];
                double mHat = m[j] / (1 - Math.pow(beta1, epoch));
                double vHat = v[j] / (1 - Math.pow(beta2, epoch));
                w[j] -= settings.learningRate() * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            double loss = loss(w, valid);
            if (loss < bestLoss - 1e-6) {
                bestLoss = loss;
                bestW = w.clone();
                bestEpoch = epoch;
            } else if (epoch - bestEpoch >= settings.patience()) {
                break;
            }
        }
        return new Run(bestW, bestLoss, accuracy(bestW, valid), l2, bestEpoch);
    }

    static double loss(double[] w, double[][] rows) {
        double sum = 0;
        for (double[] row : rows) {
            sum += softplus(-dot(w, row));
        }
        return sum / rows.length;
    }

    static double accuracy(double[] w, double[][] rows) {
        int right = 0;
        for (double[] row : rows) {
            if (dot(w, row) > 0) {
                right++;
            }
        }
        return (double) right / rows.length;
    }

    private static void standardisation(double[][] chosen, double[][] rejected, int[] rows, double[] means, double[] scales) {
        int d = means.length;
        for (int i : rows) {
            for (int j = 0; j < d; j++) {
                means[j] += chosen[i][j] + rejected[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            means[j] /= 2.0 * rows.length;
        }
        for (int i : rows) {
            for (int j = 0; j < d; j++) {
                double a = chosen[i][j] - means[j];
                double b = rejected[i][j] - means[j];
                scales[j] += a * a + b * b;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scales[j] / (2.0 * rows.length));
            scales[j] = sd < 1e-8 ? 1 : sd;
        }
    }

    private static double[][] differences(double[][] chosen, double[][] rejected, int[] rows, double[] means, double[] scales) {
        double[][] diff = new double[rows.length][means.length];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            for (int j = 0; j < means.length; j++) {
                diff[k][j] = (chosen[i][j] - rejected[i][j]) / scales[j];
            }
        }
        return diff;
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static double dot(double[] w, double[] x) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += w[j] * x[j];
        }
        return sum;
    }

    private static double dot(double[] w, double[] x, double[] means, double[] scales) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += w[j] * (x[j] - means[j]) / scales[j];
        }
        return sum;
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }
}
