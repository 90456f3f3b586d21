package org.redteam4j.core.intervention;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.redteam4j.core.chat.Reply;

/**
 * The two replies a member chooses between, how many draws of the model it took to find two that
 * differ, and whether they still have the same text after every draw the rule allows: such a turn
 * offers no choice, is shown with a note and never becomes a preference pair.
 *
 * @param replies   the two replies, in the rule's order (the caller shuffles before showing them)
 * @param draws     draws of the model (1 when the first one gave two different replies)
 * @param identical true when the two replies have the same text after trimming
 * @param drawTime  the wall time of all the draws and scoring
 */
public record Candidates(List<Reply> replies, int draws, boolean identical, Duration drawTime) {

    public Candidates {
        replies = List.copyOf(replies);
        Objects.requireNonNull(drawTime, "drawTime");
        if (replies.size() != 2) {
            throw new IllegalArgumentException("two candidates, got " + replies.size());
        }
        if (draws < 1) {
            throw new IllegalArgumentException("at least one draw, got " + draws);
        }
    }

    /** Whether two replies say the same thing to a member: equal text once surrounding white space is trimmed. */
    public static boolean sameText(String a, String b) {
        return a.strip().equals(b.strip());
    }
}
