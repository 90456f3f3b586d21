package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.scoring.Verdict;

/**
 * Over-refusal per target: of the campaign's benign prompts, how many the refusal judge found
 * refused, with the false refusal rate and its 95% Wilson interval (prompts are independent: each is
 * sent once per benign strategy). Errors, skipped verdicts (an empty reply) and prompts not run are
 * counted apart and left out of the denominator, as for attack rates. Attack results are ignored.
 */
public final class FalseRefusals {

    /**
     * One target's over-refusal.
     *
     * @param prompts the benign prompts that finished (done or error)
     * @param judged  those the refusal judge judged (refused or answered)
     * @param rate    refused / judged with its Wilson interval; null when nothing was judged
     */
    public record Row(String target, int prompts, int refused, int judged, int errors, int skipped, int notRun,
                      Proportion rate, boolean simulated) {
    }

    private final Map<String, int[]> counts = new LinkedHashMap<>(); // prompts, refused, judged, errors, skipped, not run
    private final Map<String, Boolean> simulated = new LinkedHashMap<>();

    /** Adds one result (streamed, any order); an attack's result is ignored. */
    public void add(AttackResult result) {
        if (!result.benign()) {
            return;
        }
        String target = result.attack().target();
        int[] c = counts.computeIfAbsent(target, t -> new int[6]);
        simulated.merge(target, result.simulated(), Boolean::logicalOr);
        switch (result.status()) {
            case NOT_RUN -> c[5]++;
            case ERROR -> {
                c[0]++;
                c[3]++;
            }
            case DONE -> {
                c[0]++;
                Verdict.Outcome outcome = result.outcome().orElse(Verdict.Outcome.SKIPPED);
                if (outcome == Verdict.Outcome.PASS || outcome == Verdict.Outcome.HIT) {
                    c[2]++;
                    c[1] += result.refused() ? 1 : 0;
                } else if (outcome == Verdict.Outcome.ERROR) {
                    c[3]++;
                } else {
                    c[4]++;
                }
            }
        }
    }

    /** One row per target that had benign prompts, in the order targets first appeared. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        counts.forEach((target, c) -> rows.add(new Row(target, c[0], c[1], c[2], c[3], c[4], c[5],
                c[2] == 0 ? null : Proportion.of(c[1], c[2]), simulated.get(target))));
        return rows;
    }

    public static List<Row> of(Iterable<AttackResult> results) {
        FalseRefusals refusals = new FalseRefusals();
        results.forEach(refusals::add);
        return refusals.rows();
    }
}
