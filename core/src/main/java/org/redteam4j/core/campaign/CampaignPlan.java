package org.redteam4j.core.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.failure.BadInput;

/**
 * Every target × seed × strategy × repetition of a campaign, each with its stable key. Planning
 * needs only names: no model is built, so a dry run or a Spark driver plans for free.
 */
public record CampaignPlan(String campaign, List<String> targets, List<Strategy> strategies, List<PlannedAttack> attacks) {

    /** The most attacks one plan holds: each costs memory while it is planned and run (a million is a few hundred MB). */
    public static final long MAX_ATTACKS = 1_000_000;

    /** The most requests a campaign may make in the worst case unless its budget ({@code max_requests}) bounds it. */
    public static final long MAX_REQUESTS = 10_000_000;

    /**
     * How big a plan would be, counted before it is made: its attacks, and its requests in the worst
     * case (every strategy using its whole inner budget, target and attacker). Long.MAX_VALUE stands
     * for more than a long holds.
     */
    public record Size(long attacks, long requests) {
    }

    public CampaignPlan {
        targets = List.copyOf(targets);
        strategies = List.copyOf(strategies);
        attacks = List.copyOf(attacks);
    }

    public static CampaignPlan of(String campaign, List<String> targets, List<Seed> seeds, List<Strategy> strategies,
                                  int repetitions) {
        Size size = size(targets.size(), seeds.size(), strategies, repetitions);
        if (size.attacks() > MAX_ATTACKS) {
            throw new BadInput(String.format("campaign '%s' would plan %,d attacks; at most %,d are allowed", campaign,
                    size.attacks(), MAX_ATTACKS));
        }
        List<PlannedAttack> attacks = new ArrayList<>((int) size.attacks());
        for (String target : targets) {
            for (int s = 0; s < seeds.size(); s++) {
                for (Strategy strategy : strategies) {
                    if (!strategy.usesSeed() && s > 0) {
                        continue; // planned with the first seed's round, once
                    }
                    Seed seed = strategy.usesSeed() ? seeds.get(s) : NO_SEED;
                    for (int repetition = 0; repetition < repetitions; repetition++) {
                        attacks.add(new PlannedAttack(PlannedAttack.key(campaign, target, seedKey(seed), strategy.id(), repetition),
                                target, seed, tag(seed), strategy, repetition));
                    }
                }
            }
        }
        return new CampaignPlan(campaign, targets, strategies, attacks);
    }

    /**
     * What a strategy that does not use its seed is planned with: once per target and repetition,
     * whatever the campaign's seeds. Its tag keeps these attacks apart in the breakdown by tag.
     */
    public static final Seed NO_SEED = new Seed("(this attack does not use a seed)", "no-seed", null, null,
            List.of("prompt-injection"), null);

    /** The size of the plan {@link #of} would make from these, by arithmetic alone: nothing is allocated. */
    public static Size size(int targets, int seeds, List<Strategy> strategies, int repetitions) {
        long attacks = 0; // per target and repetition
        long requests = 0; // the worst case: every strategy using its whole inner budget
        for (Strategy strategy : strategies) {
            long times = strategy.usesSeed() ? seeds : Math.min(1, seeds);
            attacks = add(attacks, times);
            requests = add(requests, multiply(times, add(strategy.maxTargetRequests(), strategy.maxAttackerRequests())));
        }
        long rounds = multiply(targets, repetitions);
        return new Size(multiply(rounds, attacks), multiply(rounds, requests));
    }

    private static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * This plan with the campaign's benign prompts added: every target × prompt × benign strategy,
     * once each (over-refusal is a property of the prompt, not of a repetition), with keys of their
     * own ({@link PlannedAttack#benignKey}). Each target's benign prompts are spread evenly among its
     * attacks, so a budget that stops the run part way cuts both in proportion rather than every
     * benign prompt. The plan's {@link #strategies()} stay the attacks'.
     */
    public CampaignPlan withBenign(List<Seed> prompts, List<Strategy> benignStrategies) {
        if (prompts.isEmpty()) {
            return this;
        }
        long total = (long) attacks.size() + (long) targets.size() * prompts.size() * benignStrategies.size();
        if (total > MAX_ATTACKS) {
            throw new BadInput(String.format("campaign '%s' would plan %,d attacks and benign prompts; at most %,d are allowed",
                    campaign, total, MAX_ATTACKS));
        }
        List<PlannedAttack> all = new ArrayList<>((int) total);
        int next = 0; // the attacks are grouped by target, in the targets' order
        for (String target : targets) {
            List<PlannedAttack> benign = new ArrayList<>();
            for (Seed prompt : prompts) {
                for (Strategy strategy : benignStrategies) {
                    benign.add(new PlannedAttack(PlannedAttack.benignKey(campaign, target, seedKey(prompt), strategy.id(), 0),
                            target, prompt, tag(prompt), strategy, 0, true));
                }
            }
            int from = next;
            while (next < attacks.size() && attacks.get(next).target().equals(target)) {
                next++;
            }
            all.addAll(interleaved(attacks.subList(from, next), benign));
        }
        all.addAll(attacks.subList(next, attacks.size())); // none when the attacks were planned by of()
        return new CampaignPlan(campaign, targets, strategies, all);
    }

    /** {@code a} and {@code b} merged so that every prefix holds each in proportion to its size (Bresenham's way). */
    static List<PlannedAttack> interleaved(List<PlannedAttack> a, List<PlannedAttack> b) {
        List<PlannedAttack> merged = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            // take from a while its share so far is behind its share of the whole: i / a.size() <= j / b.size()
            if (j >= b.size() || i < a.size() && (long) i * b.size() <= (long) j * a.size()) {
                merged.add(a.get(i++));
            } else {
                merged.add(b.get(j++));
            }
        }
        return merged;
    }

    /** The benign prompts among {@link #attacks()}. */
    public long benignCount() {
        return attacks.stream().filter(PlannedAttack::benign).count();
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
