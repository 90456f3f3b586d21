package org.redteam4j.core.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;

/**
 * Every target × seed × strategy × repetition of a campaign, each with its stable key. Planning
 * needs only names: no model is built, so a dry run or a Spark driver plans for free.
 */
public record CampaignPlan(String campaign, List<String> targets, List<Strategy> strategies, List<PlannedAttack> attacks) {

    public CampaignPlan {
        targets = List.copyOf(targets);
        strategies = List.copyOf(strategies);
        attacks = List.copyOf(attacks);
    }

    public static CampaignPlan of(String campaign, List<String> targets, List<Seed> seeds, List<Strategy> strategies,
                                  int repetitions) {
        List<PlannedAttack> attacks = new ArrayList<>();
        for (String target : targets) {
            for (Seed seed : seeds) {
                for (Strategy strategy : strategies) {
                    for (int repetition = 0; repetition < repetitions; repetition++) {
                        attacks.add(new PlannedAttack(PlannedAttack.key(campaign, target, seedKey(seed), strategy.id(), repetition),
                                target, seed, tag(seed), strategy, repetition));
                    }
                }
            }
        }
        return new CampaignPlan(campaign, targets, strategies, attacks);
    }

    /** The same plan with only the attacks whose keys are in {@code keys} (a Spark partition's share). */
    public CampaignPlan only(java.util.Set<String> keys) {
        return new CampaignPlan(campaign, targets, strategies, attacks.stream().filter(a -> keys.contains(a.key())).toList());
    }

    /** The seed's first tag, else its semantic category, else {@code (none)}: how results are broken down. */
    public static String tag(Seed seed) {
        if (!seed.tags().isEmpty()) {
            return seed.tags().get(0);
        }
        return seed.semanticCategory() != null ? seed.semanticCategory() : "(none)";
    }

    /** The seed's HarmBench id, else a hash of its text: stable across runs, part of the attack key. */
    public static String seedKey(Seed seed) {
        if (seed.behaviorId() != null) {
            return seed.behaviorId();
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.text().getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
