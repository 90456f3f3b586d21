package org.redteam4j.api;

import java.util.Objects;

/**
 * One message of the conversation a target is asked to continue.
 *
 * @param role who wrote it
 * @param text what was written
 */
public record Turn(Role role, String text) {

    /** Who wrote a turn. A conversation has at most one {@code SYSTEM} turn, and it comes first. */
    public enum Role {
        /** The instructions a strategy or an intervention (such as the HHH prompt) puts before the conversation. */
        SYSTEM,
        /** The red team: a seed, an attacker's rewrite, a follow-up. */
        USER,
        /** The target's earlier replies. */
        ASSISTANT
    }

    /**
     * Refuses a null role or text.
     *
     * @param role who wrote it
     * @param text what was written
     */
    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The instructions before the conversation.
     *
     * @param text the instructions
     * @return a SYSTEM turn
     */
    public static Turn system(String text) {
        return new Turn(Role.SYSTEM, text);
    }

    /**
     * A message of the red team.
     *
     * @param text the message
     * @return a USER turn
     */
    public static Turn user(String text) {
        return new Turn(Role.USER, text);
    }

    /**
     * An earlier reply of the target.
     *
     * @param text the reply
     * @return an ASSISTANT turn
     */
    public static Turn assistant(String text) {
        return new Turn(Role.ASSISTANT, text);
    }
}
