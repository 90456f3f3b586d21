package org.redteam4j.core.attack;

import java.util.List;
import org.redteam4j.core.failure.BadInput;

/**
 * A persuasion technique the attacker may rewrite a request with: our own one-line definitions of
 * the usual taxonomy's names, shipped in {@code persuasion-techniques.tsv}.
 */
public record PersuasionTechnique(String id, String name, String definition) {

    private static final List<PersuasionTechnique> ALL = ResourceTable.read("persuasion-techniques.tsv", "id", "name", "definition")
            .stream().map(cells -> new PersuasionTechnique(cells[0], cells[1], cells[2])).toList();

    /** Every technique, in the file's order (the order {@code persuasion} tries them by default). */
    public static List<PersuasionTechnique> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(PersuasionTechnique::id).toList();
    }

    public static PersuasionTechnique byId(String id) {
        return ALL.stream().filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new BadInput("unknown persuasion technique '" + id + "'; expected one of " + ids()));
    }
}
