package org.redteam4j.core.campaign;

import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;

/**
 * One attack to run. The key is stable across runs of the same campaign file, which is what makes
 * resuming exact.
 */
public record PlannedAttack(String key, String target, Seed seed, String tag, Strategy strategy, int repetition) {

    public static String key(String campaign, String target, String seedKey, String strategy, int repetition) {
        return campaign + "|" + target + "|" + seedKey + "|" + strategy + "|" + repetition;
    }
}
