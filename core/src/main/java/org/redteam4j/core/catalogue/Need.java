package org.redteam4j.core.catalogue;

import java.util.Locale;

/**
 * What a component needs besides its target, declared once so that setup builds exactly what is
 * needed and nothing is guessed from an id. What it spends is counted at run time, never here.
 */
public enum Need {
    /** Calls the campaign's attacker model. */
    ATTACKER,
    /** Asks a refusal detector whether a reply refused. */
    REFUSAL_DETECTOR,
    /** Scores replies with a harmlessness scorer (the preference model). */
    SCORER,
    /** Talks to a server over the network. */
    NETWORK;

    /** {@code attacker}, {@code refusal-detector}, {@code scorer}, {@code network}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
