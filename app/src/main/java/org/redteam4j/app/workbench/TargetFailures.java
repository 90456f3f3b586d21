package org.redteam4j.app.workbench;

import java.time.Clock;
import org.redteam4j.core.failure.Failure;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.TargetFailureRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a target's failure goes: its details to the server log and the campaign's dashboard, and
 * to the member a {@link TargetUnavailable} that names nothing (blinding).
 */
final class TargetFailures {

    /** Enough of a message to act on; an endpoint's error page is not kept whole. */
    static final int MAX_MESSAGE = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(TargetFailures.class);

    private final Database database;
    private final Clock clock;

    TargetFailures(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records why {@code attempt}'s target did not answer and returns what the member may be told. */
    TargetUnavailable record(LiveAttempt attempt, Failure failure) {
        String message = String.valueOf(failure.getMessage());
        LOG.warn("campaign {}, attempt {}: target {} did not answer: {}", attempt.campaignId(), attempt.id(), attempt.targetId(),
                message);
        String kept = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
        database.inTransaction(handle -> {
            new TargetFailureRepository(handle).record(attempt.campaignId(), attempt.targetId(), attempt.id(), kept,
                    clock.instant());
            return null;
        });
        return new TargetUnavailable();
    }
}
