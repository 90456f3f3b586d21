package org.redteam4j.models.classifier;

import java.util.Arrays;

/**
 * L2-regularised logistic regression, {@code P(positive) = σ(w·x + b)}, minimising the mean log loss
 * plus {@code l2/2 · |w|²} (the bias is not penalised) with L-BFGS. Rows are expected standardised.
 * Deterministic: the same rows give the same weights, bit for bit.
 */
final class LogisticTrainer {

    private static final int MEMORY = 10;
    private static final int MAX_ITERATIONS = 400;
    private static final double GRADIENT_TOLERANCE = 1e-6;

    /** Weights and bias; {@code iterations} how many L-BFGS steps it took. */
    record Fit(double[] weights, double bias, int iterations) {
    }

    private LogisticTrainer() {
    }

    /** Fits from {@code start} (or zero weights when null): warm starts along an L2 path converge fast. */
    static Fit fit(double[][] x, boolean[] y, double l2, Fit start) {
        int d = x[0].length;
        double[] theta = new double[d + 1];
        if (start != null) {
            System.arraycopy(start.weights, 0, theta, 0, d);
            theta[d] = start.bias;
        }
        double[] gradient = new double[d + 1];
        double loss = lossAndGradient(x, y, l2, theta, gradient);
        double[][] s = new double[MEMORY][];
        double[][] t = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int iteration = 0;
        double[] next = new double[d + 1];
        double[] nextGradient = new double[d + 1];
        while (iteration < MAX_ITERATIONS && maxAbs(gradient) > GRADIENT_TOLERANCE) {
            iteration++;
            double[] direction = direction(gradient, s, t, rho, stored);
            double slope = dot(direction, gradient);
            if (slope >= 0) { // not a descent direction: forget the curvature and go down the gradient
                stored = 0;
                direction = negated(gradient);
                slope = dot(direction, gradient);
            }
            double step = 1;
            double nextLoss;
            while (true) {
                for (int j = 0; j <= d; j++) {
                    next[j] = theta[j] + step * direction[j];
                }
                nextLoss = lossAndGradient(x, y, l2, next, nextGradient);
                if (nextLoss <= loss + 1e-4 * step * slope || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            if (nextLoss > loss) { // no step along this direction lowers the loss: as good as it gets
                break;
            }
            double[] sk = new double[d + 1];
            double[] tk = new double[d + 1];
            for (int j = 0; j <= d; j++) {
                sk[j] = next[j] - theta[j];
                tk[j] = nextGradient[j] - gradient[j];
            }
            double curvature = dot(sk, tk);
            if (curvature > 1e-12) {
                if (stored == MEMORY) {
                    System.arraycopy(s, 1, s, 0, MEMORY - 1);
                    System.arraycopy(t, 1, t, 0, MEMORY - 1);
                    System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
                    stored--;
                }
                s[stored] = sk;
                t[stored] = tk;
                rho[stored] = 1 / curvature;
                stored++;
            }
            System.arraycopy(next, 0, theta, 0, d + 1);
            System.arraycopy(nextGradient, 0, gradient, 0, d + 1);
            boolean stalled = loss - nextLoss < 1e-14 * Math.max(1, Math.abs(loss));
            loss = nextLoss;
            if (stalled) {
                break;
            }
        }
        return new Fit(Arrays.copyOf(theta, d), theta[d], iteration);
    }

    /** The mean log loss of rows under a fit (no penalty), for choosing L2 on held-out rows. */
    static double logLoss(double[][] x, boolean[] y, Fit fit) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = fit.bias() + dot(fit.weights(), x[i]);
            sum += softplus(z) - (y[i] ? z : 0);
        }
        return sum / x.length;
    }

    static double probability(double[] row, Fit fit) {
        return sigmoid(fit.bias() + dot(fit.weights(), row));
    }

    private static double lossAndGradient(double[][] x, boolean[] y, double l2, double[] theta, double[] gradient) {
        int d = theta.length - 1;
        Arrays.fill(gradient, 0);
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double z = theta[d];
            for (int j = 0; j < d; j++) {
                z += theta[j] * row[j];
            }
            loss += softplus(z) - (y[i] ? z : 0);
            double r = sigmoid(z) - (y[i] ? 1 : 0);
            for (int j = 0; j < d; j++) {
                gradient[j] += r * row[j];
            }
            gradient[d] += r;
        }
        double penalty = 0;
        for (int j = 0; j <= d; j++) {
            gradient[j] /= x.length;
        }
        for (int j = 0; j < d; j++) {
            gradient[j] += l2 * theta[j];
            penalty += theta[j] * theta[j];
        }
        return loss / x.length + l2 / 2 * penalty;
    }

    /** The two-loop recursion: the inverse-Hessian estimate times the negative gradient. */
    private static double[] direction(double[] gradient, double[][] s, double[][] t, double[] rho, int stored) {
        double[] q = negated(gradient);
        double[] alpha = new double[stored];
        for (int k = stored - 1; k >= 0; k--) {
            alpha[k] = rho[k] * dot(s[k], q);
            axpy(-alpha[k], t[k], q);
        }
        if (stored > 0) {
            double gamma = dot(s[stored - 1], t[stored - 1]) / dot(t[stored - 1], t[stored - 1]);
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        for (int k = 0; k < stored; k++) {
            double beta = rho[k] * dot(t[k], q);
            axpy(alpha[k] - beta, s[k], q);
        }
        return q;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double softplus(double z) {
        return z > 30 ? z : z < -30 ? Math.exp(z) : Math.log1p(Math.exp(z));
    }

    private static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = -v[j];
        }
        return out;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < Math.min(a.length, b.length); j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double value : v) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
