package org.redteam4j.models.classifier;

/** Feature rows centred and scaled by the means and standard deviations of the rows a head trains on. */
record Standardised(double[] means, double[] scales) {

    static Standardised of(double[][] rows) {
        int d = rows[0].length;
        double[] means = new double[d];
        double[] scales = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            means[j] /= rows.length;
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                double centred = row[j] - means[j];
                scales[j] += centred * centred;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scales[j] / rows.length);
            scales[j] = sd < 1e-8 ? 1 : sd; // a constant feature (a phrase never seen) stays 0 after centring
        }
        return new Standardised(means, scales);
    }

    double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = new double[means.length];
            for (int j = 0; j < means.length; j++) {
                row[j] = (rows[i][j] - means[j]) / scales[j];
            }
            out[i] = row;
        }
        return out;
    }
}
