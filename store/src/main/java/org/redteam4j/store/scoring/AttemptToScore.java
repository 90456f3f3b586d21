package org.redteam4j.store.scoring;

import java.util.List;
import org.redteam4j.core.transcript.Turn;

/**
 * An attempt as the scorer needs it.
 *
 * @param id              the attempt
 * @param taskDescription the member's plan, scored as the intent
 * @param turns           the conversation
 * @param turnIds         the database id of each turn, same order
 */
public record AttemptToScore(long id, String taskDescription, List<Turn> turns, List<Long> turnIds) {

    public AttemptToScore {
        turns = List.copyOf(turns);
        turnIds = List.copyOf(turnIds);
    }
}
