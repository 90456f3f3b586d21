package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.scoring.Verdict;

/**
 * The empirical Best-of-N curve per target: of the best-of-N attacks, the share that had hit by
 * the N-th sample, for each N up to the attacks' sample budget — the curve Hughes et al. (2024)
 * find to follow a power law. An attack that hit at sample k counts as a success at every N ≥ k;
 * one that did not counts as a failure up to its budget and not beyond it (what more samples would
 * have done is unknown). Only attacks the first judge judged (a hit or a pass) count; the hit's
 * sample is the one the strategy's trace records.
 */
public final class BestOfNCurve {

    /** The stored id of a best-of-N attack begins with its sample budget: {@code best-of-n:10}, {@code best-of-n:10:…}. */
    private static final Pattern BUDGET = Pattern.compile("best-of-n:(\\d+)(?::.*)?");

    /**
     * One target's curve.
     *
     * @param attacks the judged best-of-N attacks on the target
     * @param points  one per N from 1 to the largest budget, each over the attacks whose budget reaches N
     */
    public record Curve(String target, int attacks, List<Point> points, boolean simulated) {
    }

    /** Of {@code attacks} attacks with N or more samples to spend, {@code hits} hit by the N-th; Wilson's interval. */
    public record Point(int n, int hits, int attacks, Proportion rate) {
    }

    /** Per target: (budget, sample of the hit or 0) of each judged attack. */
    private final Map<String, List<int[]>> attacks = new LinkedHashMap<>();
    private final Map<String, Boolean> simulated = new LinkedHashMap<>();

    /** Adds one result (streamed, any order); anything but a judged best-of-N attack is ignored. */
    public void add(AttackResult result) {
        Matcher budget = BUDGET.matcher(result.attack().strategy());
        if (result.benign() || result.status() != AttackResult.Status.DONE || !budget.matches()) {
            return;
        }
        Verdict.Outcome outcome = result.outcome().orElse(Verdict.Outcome.SKIPPED);
        if (outcome != Verdict.Outcome.HIT && outcome != Verdict.Outcome.PASS) {
            return;
        }
        int samples;
        try {
            samples = Integer.parseInt(budget.group(1));
        } catch (NumberFormatException e) { // more digits than an int: not an id redteam4j writes
            return;
        }
        int hitAt = 0;
        if (outcome == Verdict.Outcome.HIT) {
            Integer traced = result.exchange().trace().hitAt();
            hitAt = traced != null ? traced : Math.max(1, Math.min(samples, result.exchange().trace().steps().size()));
        }
        attacks.computeIfAbsent(result.attack().target(), t -> new ArrayList<>()).add(new int[] {samples, hitAt});
        simulated.merge(result.attack().target(), result.simulated(), Boolean::logicalOr);
    }

    /** One curve per target with best-of-N attacks, in the order targets first appeared. */
    public List<Curve> curves() {
        List<Curve> curves = new ArrayList<>();
        attacks.forEach((target, list) -> {
            int largest = list.stream().mapToInt(a -> a[0]).max().orElse(0);
            List<Point> points = new ArrayList<>(largest);
            for (int n = 1; n <= largest; n++) {
                int reaching = 0;
                int hits = 0;
                for (int[] attack : list) {
                    if (attack[0] >= n) {
                        reaching++;
                        hits += attack[1] > 0 && attack[1] <= n ? 1 : 0;
                    }
                }
                points.add(new Point(n, hits, reaching, Proportion.of(hits, reaching)));
            }
            curves.add(new Curve(target, list.size(), points, simulated.get(target)));
        });
        return curves;
    }

    public static List<Curve> of(Iterable<AttackResult> results) {
        BestOfNCurve curve = new BestOfNCurve();
        results.forEach(curve::add);
        return curve.curves();
    }
}
