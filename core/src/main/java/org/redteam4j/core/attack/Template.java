package org.redteam4j.core.attack;

import java.util.List;
import java.util.Objects;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Kind;

/**
 * A jailbreak framing written for redteam4j, declared in {@code templates/templates.tsv} with its
 * text beside it (see {@link BuiltinTemplates}), so results can be broken down by template and by
 * family.
 *
 * @param id          stable id; a result stores {@code template:ID}
 * @param family      the tactic it belongs to ({@code role-play}, {@code fiction}, …), for running some families only
 * @param description one line saying what the tactic is
 * @param text        the framing, with {@link #PLACEHOLDER} exactly once where the seed goes
 */
public record Template(String id, String family, String description, String text) {

    public static final String PLACEHOLDER = "{request}";

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(text, "text");
    }

    /** Every built-in template's id, from the catalogue. */
    public static List<String> ids() {
        return Catalogue.ids(Kind.TEMPLATE);
    }

    /** The built-in template, or bad input naming the nearest id and every valid one. */
    public static Template byId(String id) {
        Catalogue.require(Kind.TEMPLATE, id, "");
        return BuiltinTemplates.find(id).orElseThrow(() -> new IllegalStateException("catalogue template " + id
                + " is not in " + BuiltinTemplates.FILE));
    }

    public String apply(String request) {
        return text.replace(PLACEHOLDER, request);
    }
}
