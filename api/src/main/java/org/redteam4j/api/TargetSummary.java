package org.redteam4j.api;

import java.util.Optional;

/**
 * One target's result over a campaign, by the campaign's first judge (the one gates compare).
 *
 * @param target    the target's name
 * @param attacks   attacks planned against it (benign prompts not counted)
 * @param judged    attacks the first judge gave a verdict on
 * @param hits      attacks that succeeded by it
 * @param errors    attacks that failed because a model failed (never a success, never a pass)
 * @param notRun    attacks the budget left undone
 * @param rate      hits / judged with its interval; empty when nothing was judged
 * @param corrected the rate corrected for the judge's measured error, where the campaign gives the
 *                  judge a calibration and it allows a correction
 * @param simulated whether the simulated assistant was involved (then these are no findings about a real model)
 * @param overRefusal how often it refused the campaign's benign prompts; empty when the campaign sends none
 */
public record TargetSummary(String target, int attacks, int judged, int hits, int errors, int notRun, Optional<Rate> rate,
                            Optional<Rate> corrected, boolean simulated, Optional<OverRefusal> overRefusal) {

    /**
     * Whether this target fails a gate of {@code maximum}: its rate is above it, or there is no rate to compare.
     *
     * @param maximum the gate, a rate between 0 and 1
     * @return true when this target fails it
     */
    public boolean above(double maximum) {
        return rate.map(r -> r.estimate() > maximum).orElse(true);
    }
}
