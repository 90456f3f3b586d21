package org.redteam4j.app.workbench;

import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Campaign;

/**
 * A reviewer's assignment, the attempt under review and its campaign. Until the reviewer accepted
 * the campaign's content warning ({@code warningAccepted}), pages show the warning, not the attempt.
 */
public record ReviewTask(long reviewId, LiveAttempt attempt, Campaign campaign, boolean warningAccepted) {
}
