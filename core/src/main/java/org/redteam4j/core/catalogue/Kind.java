package org.redteam4j.core.catalogue;

import java.util.Locale;

/** The kinds of component a campaign or a command names by id. */
public enum Kind {
    STRATEGY, CONVERTER, TEMPLATE, PAYLOAD, JUDGE, RUNTIME;

    /** The word users see: {@code strategy}, {@code converter}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plural, as in {@code redteam4j list strategies}. */
    public String plural() {
        return this == STRATEGY ? "strategies" : label() + "s";
    }
}
