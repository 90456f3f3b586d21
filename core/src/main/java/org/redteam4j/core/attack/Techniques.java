package org.redteam4j.core.attack;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Entry;
import org.redteam4j.core.catalogue.Kind;

/**
 * The techniques an adaptive attacker picks from, read from the catalogue (never a second list):
 * every template and every converter that needs nothing but the prompt. Converters that call the
 * attacker (translate) are left out, since applying one would be an attacker request the budget
 * did not reserve — and the attacker can write in another language itself.
 */
final class Techniques {

    private Techniques() {
    }

    /** The menu: templates, then converters, each with its catalogue description. */
    static List<Entry> menu() {
        return java.util.stream.Stream.concat(Catalogue.of(Kind.TEMPLATE).stream(),
                Catalogue.of(Kind.CONVERTER).stream().filter(entry -> entry.needs().isEmpty())).toList();
    }

    /** The menu as lines of an attacker prompt: {@code - role-play: The target plays an actor…}. */
    static String described() {
        StringBuilder text = new StringBuilder();
        menu().forEach(entry -> text.append("\n- ").append(entry.id()).append(" (").append(entry.kind().label()).append("): ")
                .append(entry.description()));
        return text.toString();
    }

    /** The menu entry {@code id} names, if any (ids as written by a model: any case, quoted, bracketed). */
    static Optional<Entry> find(String id) {
        String bare = normalised(id);
        return menu().stream().filter(entry -> entry.id().equals(bare)).findFirst();
    }

    /** {@code `Role-Play`} → {@code role-play}. */
    static String normalised(String id) {
        return id.strip().replaceAll("^[\\s\"'`\\[(*]+|[\\s\"'`\\])*.]+$", "").toLowerCase(Locale.ROOT);
    }

    /** {@code message} with the technique applied: a template wraps it, a converter rewrites it. */
    static String apply(Entry technique, String message) {
        return technique.kind() == Kind.TEMPLATE ? Template.byId(technique.id()).apply(message)
                : Converters.byId(technique.id(), null).convert(message, null);
    }
}
