package org.redteam4j.models.sim;

import java.time.Duration;
import java.util.Locale;
import org.redteam4j.core.failure.BadInput;

/**
 * The simulated assistant's knobs: relative weights of refusals, evasions and compliant replies,
 * the seed, and an artificial latency per call (for load tests).
 */
public record SimSettings(double refusal, double evasion, double compliance, long seed, Duration latency) {

    public static final SimSettings DEFAULT = new SimSettings(0.5, 0.3, 0.2, 0, Duration.ZERO);

    public SimSettings {
        // a declared value: bad input (exit 2), not a bug; NaN and infinity compare false, so test for what is allowed
        if (!weight(refusal) || !weight(evasion) || !weight(compliance) || refusal + evasion + compliance <= 0) {
            throw new BadInput("sim weights (refusal, evasion, compliance) must be finite numbers, 0 or more and not all 0; were "
                    + refusal + ", " + evasion + ", " + compliance);
        }
        if (latency == null || latency.isNegative()) {
            throw new BadInput("sim latency must be 0 or more");
        }
    }

    private static boolean weight(double value) {
        return value >= 0 && Double.isFinite(value);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "refusal=%s, evasion=%s, compliance=%s, seed=%d", refusal, evasion, compliance, seed);
    }
}
