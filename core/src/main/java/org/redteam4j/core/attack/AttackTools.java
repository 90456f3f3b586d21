package org.redteam4j.core.attack;

import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.RefusalDetector;

/**
 * What strategies may use besides the target: the attacker model (iterative, multi-turn, tree,
 * adaptive, past_tense, persuasion and the attacker converters), the campaign's primary judge (iterative refinement, tree
 * search, early stops) and a refusal detector (multi-turn backtracking), any of which may be null
 * when the campaign uses no strategy that needs it; and the campaign's {@link TacticMemory}, which
 * strategies with {@code memory: true} read and add to; and which repetition of its target × seed ×
 * strategy the attack is (0 the first), by which random strategies draw afresh.
 */
public record AttackTools(ChatModel attacker, Judge judge, RefusalDetector refusals, TacticMemory memory, int repetition) {

    public AttackTools {
        memory = memory == null ? new TacticMemory() : memory;
    }

    public AttackTools(ChatModel attacker, Judge judge, RefusalDetector refusals, TacticMemory memory) {
        this(attacker, judge, refusals, memory, 0);
    }

    /** Tools with a memory of their own: every attack run with them shares it. */
    public AttackTools(ChatModel attacker, Judge judge, RefusalDetector refusals) {
        this(attacker, judge, refusals, new TacticMemory());
    }

    /** The same tools with another attacker (the engine's per-attack meter around the campaign's attacker). */
    public AttackTools withAttacker(ChatModel other) {
        return new AttackTools(other, judge, refusals, memory, repetition);
    }

    /** The same tools for the given repetition of an attack. */
    public AttackTools forRepetition(int which) {
        return new AttackTools(attacker, judge, refusals, memory, which);
    }
}
