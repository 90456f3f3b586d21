package org.redteam4j.core.attack;

import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.Sampling;

/** A way of delivering a seed to a target. Implementations are stateless and thread-safe. */
public interface Strategy {

    /** Stable id stored with every result, e.g. {@code direct}, {@code template:role-play}, {@code converters:base64+rot13}. */
    String id();

    AttackRun run(Seed seed, ChatModel target, Sampling sampling, AttackTools tools);

    /** Requests to the target one attack makes at most, for dry runs and budgets. */
    int maxTargetRequests();

    /** Requests to the attacker model one attack makes at most. */
    default int maxAttackerRequests() {
        return 0;
    }
}
