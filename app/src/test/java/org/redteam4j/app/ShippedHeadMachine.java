package org.redteam4j.app;

/**
 * Whether this machine embeds texts exactly as the one that made a shipped head did. The quantised
 * ONNX models run int8 kernels chosen by the CPU (seen here: an AMD EPYC and an Intel Xeon embed the
 * same text a little differently), so a head retrained on another CPU differs in its weights while
 * it ranks and judges replies alike. A head's standardisation means are averages of its training
 * embeddings: equal to the last bit, the embeddings were the same.
 */
final class ShippedHeadMachine {

    private ShippedHeadMachine() {
    }

    /** True when every mean is equal to 1e-12; otherwise says so in one line and returns false. */
    static boolean embedsAsTheShippedHeadsMachine(double[] madeMeans, double[] shippedMeans, String head) {
        double largest = 0;
        for (int i = 0; i < Math.min(madeMeans.length, shippedMeans.length); i++) {
            largest = Math.max(largest, Math.abs(madeMeans[i] - shippedMeans[i]));
        }
        if (madeMeans.length == shippedMeans.length && largest <= 1e-12) {
            return true;
        }
        System.err.printf("%s: this CPU embeds differently from the machine that made the shipped head (a mean differs by %.2g):"
                + " checking that the retrained head behaves alike, not that its weights are equal%n", head, largest);
        return false;
    }
}
