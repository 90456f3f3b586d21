package org.redteam4j.api;

/**
 * A success rate with its 95% interval (Wilson's, or the bootstrap over seeds where the campaign's
 * repetitions make attacks of one seed alike).
 *
 * @param estimate hits / judged
 * @param low      the interval's lower end
 * @param high     the interval's upper end
 */
public record Rate(double estimate, double low, double high) {

    @Override
    public String toString() {
        return String.format("%.1f%% (95%% CI %.1f–%.1f%%)", 100 * estimate, 100 * low, 100 * high);
    }
}
