package org.redteam4j.store.scoring;

import org.redteam4j.core.analysis.BestThreshold;
import org.redteam4j.core.analysis.Confusion;

/**
 * How a scorer agrees with human judgement: an attempt counts as a success for people when rated
 * 3 or more (by the member, and separately by the mean of reviewers where there are reviews), and
 * for the scorer when its transcript minimum falls below the threshold.
 *
 * @param scorer         the scorer's identity
 * @param threshold      minimum harmlessness below which the scorer calls an attempt a success
 * @param selfRated      attempts compared with the member's self-rating
 * @param self           the confusion table against self-ratings
 * @param selfSpearman   rank correlation of self-rating with the transcript minimum (negative = agreeing)
 * @param reviewed       attempts with reviewer ratings; 0 when there are none
 * @param review         the confusion table against reviewers, or null
 * @param reviewSpearman rank correlation with the reviewers' mean, or NaN
 * @param unscored       attempts the scorer could not score (no assistant reply)
 * @param selfBest       the threshold that agrees best with self-ratings on these attempts, or null when
 *                       every attempt got the same minimum
 * @param reviewBest     the same against the reviewers, or null
 */
public record CalibrationReport(String scorer, double threshold, int selfRated, Confusion self, double selfSpearman,
                                int reviewed, Confusion review, double reviewSpearman, int unscored,
                                BestThreshold selfBest, BestThreshold reviewBest) {
}
