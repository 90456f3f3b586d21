package org.redteam4j.app.workbench;

import org.redteam4j.store.attempt.LiveAttempt;

/** A reviewer's assignment and the attempt under review. */
public record ReviewTask(long reviewId, LiveAttempt attempt) {
}
