package org.redteam4j.core.campaign;

import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;

/**
 * One attack to run. The key is stable across runs of the same campaign file, which is what makes
 * resuming exact.
 *
 * @param benign a benign prompt (the campaign's {@code benign:}), sent to measure over-refusal: judged for
 *               refusal only, and never part of an attack success rate
 */
public record PlannedAttack(String key, String target, Seed seed, String tag, Strategy strategy, int repetition,
                            boolean benign) {

    /** An attack (not a benign prompt). */
    public PlannedAttack(String key, String target, Seed seed, String tag, Strategy strategy, int repetition) {
        this(key, target, seed, tag, strategy, repetition, false);
    }

    /** The key of a benign prompt: apart from any attack's, even one made from the same text. */
    public static String benignKey(String campaign, String target, String seedKey, String strategy, int repetition) {
        return key(campaign, target, "benign:" + seedKey, strategy, repetition);
    }

    public static String key(String campaign, String target, String seedKey, String strategy, int repetition) {
        return campaign + "|" + target + "|" + seedKey + "|" + strategy + "|" + repetition;
    }
}
