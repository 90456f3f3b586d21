package org.redteam4j.store.workbench;

/** A human red-team campaign. */
public record Campaign(long id, String name, String instructions, String contentWarning, int attemptsPerTask,
                       int suggestedTurns, Integer dailyCap, int reviewsPerAttempt, boolean open) {
}
