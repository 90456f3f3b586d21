package org.redteam4j.core.attack;

import java.util.Set;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.Sampling;

/** A way of delivering a seed to a target. Implementations are stateless and thread-safe. */
public interface Strategy {

    /** Stable id stored with every result, e.g. {@code direct}, {@code template:role-play}, {@code converters:base64+rot13}. */
    String id();

    /**
     * Runs one attack. Calls to {@code tools.attacker()} are metered by the engine, so a strategy
     * reports only what it sent to the target.
     */
    AttackRun run(Seed seed, ChatModel target, Sampling sampling, AttackTools tools);

    /** Requests to the target one attack makes at most, for dry runs and budgets. */
    int maxTargetRequests();

    /** Human turns a conversation of one attack holds at most: what a stateful target may be replayed per call. */
    default int maxHumanTurns() {
        return 1;
    }

    /** Requests to the attacker model one attack makes at most: what the budget reserves before it runs. */
    default int maxAttackerRequests() {
        return 0;
    }

    /**
     * Whether an attack depends on its seed. One that does not (an injection payload without
     * {@code {request}}) would repeat the same attack for every seed, so the plan runs it once per
     * target and repetition.
     */
    default boolean usesSeed() {
        return true;
    }

    /** What the strategy needs besides the target, as declared in the catalogue (and by its converters). */
    default Set<Need> needs() {
        return Set.of();
    }
}
