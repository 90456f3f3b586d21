package org.redteam4j.core.attack;

import java.util.List;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.scoring.Canary;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;

/**
 * What one attack did: the conversation with the target (the last assistant turn is the reply
 * that is judged), and what it cost — the target's requests and tokens as the strategy counted
 * them, the attacker's as the engine metered them — and the canaries it planted, which the canary
 * judge looks for (empty for every strategy but the injection ones), and the attacker's view of it
 * ({@link AttackTrace}: every try, the dropped ones too; empty for single-turn strategies).
 */
public record AttackRun(List<Turn> conversation, int targetRequests, int attackerRequests, TokenUsage usage,
                        List<Canary> planted, AttackTrace trace) {

    public AttackRun {
        conversation = List.copyOf(conversation);
        planted = planted == null ? List.of() : List.copyOf(planted);
        trace = trace == null ? AttackTrace.NONE : trace;
    }

    public AttackRun(List<Turn> conversation, int targetRequests, int attackerRequests, TokenUsage usage, List<Canary> planted) {
        this(conversation, targetRequests, attackerRequests, usage, planted, AttackTrace.NONE);
    }

    public AttackRun(List<Turn> conversation, int targetRequests, int attackerRequests, TokenUsage usage) {
        this(conversation, targetRequests, attackerRequests, usage, List.of());
    }

    /** What a strategy returns: the target's side only; the engine adds the attacker's with {@link #withAttacker}. */
    public AttackRun(List<Turn> conversation, int targetRequests, TokenUsage targetUsage) {
        this(conversation, targetRequests, 0, targetUsage);
    }

    /** This run with the attacker's metered requests and tokens added. */
    public AttackRun withAttacker(int requests, TokenUsage attackerUsage) {
        return new AttackRun(conversation, targetRequests, attackerRequests + requests, usage.plus(attackerUsage), planted, trace);
    }

    /** This run with the canaries its attack planted. */
    public AttackRun withPlanted(List<Canary> canaries) {
        return new AttackRun(conversation, targetRequests, attackerRequests, usage, canaries, trace);
    }

    /** This run with the attacker's view of it. */
    public AttackRun withTrace(AttackTrace attackTrace) {
        return new AttackRun(conversation, targetRequests, attackerRequests, usage, planted, attackTrace);
    }

    public String reply() {
        for (int i = conversation.size() - 1; i >= 0; i--) {
            if (conversation.get(i).isAssistant()) {
                return conversation.get(i).text();
            }
        }
        return "";
    }

    /** The conversation before the judged reply. */
    public List<Turn> context() {
        for (int i = conversation.size() - 1; i >= 0; i--) {
            if (conversation.get(i).isAssistant()) {
                return conversation.subList(0, i);
            }
        }
        return conversation;
    }

    /** The first message sent to the target. */
    public String prompt() {
        return conversation.isEmpty() ? "" : conversation.get(0).text();
    }

    public String transcript() {
        return Transcript.of(conversation).text();
    }
}
