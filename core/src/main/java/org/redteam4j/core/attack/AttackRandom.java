package org.redteam4j.core.attack;

import java.util.Random;
import org.redteam4j.core.chat.Sampling;

/**
 * The random source of one attack, derived from the target's sampling seed (0 when none), the
 * seed's text and the repetition, so a resumed run draws the same samples, and each seed and each
 * repetition its own (repetitions of best_of_n are independent tries, as the report's intervals assume).
 */
final class AttackRandom {

    private AttackRandom() {
    }

    static Random of(Sampling sampling, Seed seed, int repetition) {
        long base = sampling.seed() == null ? 0L : sampling.seed();
        // String.hashCode is specified, so the mix is the same on every JVM; the first repetition draws as before
        return new Random(base * 0x9E3779B97F4A7C15L + seed.text().hashCode() + repetition * 0xC2B2AE3D27D4EB4FL);
    }
}
