package org.redteam4j.api;

import java.util.List;
import java.util.Optional;

/**
 * One attack of a campaign: what was tried against which target, and how it ended.
 *
 * @param target       the target's name
 * @param strategy     the strategy's id, e.g. {@code direct} or {@code multi-turn:3}
 * @param repetition   0 for the first repetition
 * @param tag          the seed's content tag
 * @param seed         the seed: the request the attack was built from
 * @param conversation the attack's transcript: the red team's turns and the target's replies (empty when
 *                     not run); a system prompt or few-shot prompt an intervention put first is not in it
 * @param reply        the target's last reply (empty when not run or failed)
 * @param hit          by the first judge: true a success, false not; empty for an error or an attack not run
 * @param error        why the attack failed, when it did
 */
public record Attack(String target, String strategy, int repetition, String tag, String seed, List<Turn> conversation,
                     String reply, Optional<Boolean> hit, Optional<String> error) {

    /**
     * Copies the conversation: an attack does not change.
     *
     * @param target the target's name
     * @param strategy the strategy's id
     * @param repetition 0 for the first repetition
     * @param tag the seed's content tag
     * @param seed the seed
     * @param conversation the transcript, copied
     * @param reply the last reply
     * @param hit by the first judge, when judged
     * @param error why it failed, when it did
     */
    public Attack {
        conversation = List.copyOf(conversation);
    }
}
