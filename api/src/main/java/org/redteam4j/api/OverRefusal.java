package org.redteam4j.api;

import java.util.Optional;

/**
 * How often a target refused the campaign's benign prompts (its {@code benign:} section), judged by
 * the refusal judge: the cost side of its attack success rate. Benign prompts never count as attacks.
 *
 * @param prompts benign prompts planned against the target
 * @param judged  those the refusal judge gave a verdict on
 * @param refused those it refused
 * @param notRun  those the budget left undone
 * @param rate    refused / judged with its 95% interval; empty when none was judged
 */
public record OverRefusal(int prompts, int judged, int refused, int notRun, Optional<Rate> rate) {

    /**
     * Whether this fails a gate of {@code maximum}: the rate is above it, or it cannot be shown not to be (prompts not run, none judged).
     *
     * @param maximum the gate, a rate between 0 and 1
     * @return true when this fails it
     */
    public boolean above(double maximum) {
        return notRun > 0 || rate.map(r -> r.estimate() > maximum).orElse(true);
    }
}
