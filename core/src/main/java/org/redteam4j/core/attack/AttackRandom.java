package org.redteam4j.core.attack;

import java.util.Random;
import org.redteam4j.core.chat.Sampling;

/**
 * The random source of one attack, derived from the target's sampling seed (0 when none) and the
 * seed's text, so a repeated or resumed run draws the same samples and each seed draws its own.
 */
final class AttackRandom {

    private AttackRandom() {
    }

    static Random of(Sampling sampling, Seed seed) {
        long base = sampling.seed() == null ? 0L : sampling.seed();
        // String.hashCode is specified, so the mix is the same on every JVM
        return new Random(base * 0x9E3779B97F4A7C15L + seed.text().hashCode());
    }
}
