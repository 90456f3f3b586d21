package org.redteam4j.core.attack;

import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.RefusalDetector;

/**
 * What strategies may use besides the target: the attacker model (iterative, multi-turn and the
 * attacker converters), the campaign's primary judge (iterative refinement) and a refusal detector
 * (multi-turn backtracking). Any may be null when the campaign uses no strategy that needs it.
 */
public record AttackTools(ChatModel attacker, Judge judge, RefusalDetector refusals) {

    /** The same tools with another attacker (the engine's per-attack meter around the campaign's attacker). */
    public AttackTools withAttacker(ChatModel other) {
        return new AttackTools(other, judge, refusals);
    }
}
