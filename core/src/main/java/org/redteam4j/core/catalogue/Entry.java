package org.redteam4j.core.catalogue;

import java.util.Set;

/**
 * One component users can name: its kind and id, one line saying what it does, what it needs,
 * and an example of how a campaign file writes it (for docs and for the catalogue test).
 */
public record Entry(Kind kind, String id, String description, Set<Need> needs, String example) {

    public Entry {
        needs = Set.copyOf(needs);
    }

    public boolean needs(Need need) {
        return needs.contains(need);
    }
}
