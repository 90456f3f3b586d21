package org.redteam4j.models.sim;

import java.time.Duration;
import java.util.Locale;

/**
 * The simulated assistant's knobs: relative weights of refusals, evasions and compliant replies,
 * the seed, and an artificial latency per call (for load tests).
 */
public record SimSettings(double refusal, double evasion, double compliance, long seed, Duration latency) {

    public static final SimSettings DEFAULT = new SimSettings(0.5, 0.3, 0.2, 0, Duration.ZERO);

    public SimSettings {
        if (refusal < 0 || evasion < 0 || compliance < 0 || refusal + evasion + compliance <= 0) {
            throw new IllegalArgumentException("sim weights must be 0 or more and not all 0");
        }
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("sim latency must be 0 or more");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "refusal=%s, evasion=%s, compliance=%s, seed=%d", refusal, evasion, compliance, seed);
    }
}
