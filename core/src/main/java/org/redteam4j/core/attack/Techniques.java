package org.redteam4j.core.attack;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Kind;

/**
 * The techniques an adaptive attacker picks from, read from where each is declared (never a second
 * list): every template and every converter of the catalogue that needs nothing but the prompt, and
 * the persuasion techniques. Converters that call the attacker (translate) are left out, since
 * applying one would be an attacker request the budget did not reserve — and the attacker can write
 * in another language itself. A persuasion technique is a way of writing the message, so the
 * attacker applies it; templates and converters are applied to the message it wrote.
 */
final class Techniques {

    /** One technique: its id, its kind as the attacker is told it, what it does, and whether redteam4j applies it. */
    record Technique(String id, String kind, String description, boolean appliedByUs) {
    }

    private static final List<Technique> MENU = menu();

    private Techniques() {
    }

    /** The menu: templates, then converters, each with its catalogue description, then the persuasion techniques. */
    private static List<Technique> menu() {
        List<Technique> menu = new java.util.ArrayList<>();
        java.util.stream.Stream.concat(Catalogue.of(Kind.TEMPLATE).stream(),
                        Catalogue.of(Kind.CONVERTER).stream().filter(entry -> entry.needs().isEmpty()))
                .forEach(entry -> menu.add(new Technique(entry.id(), entry.kind().label(), entry.description(), true)));
        PersuasionTechnique.all().forEach(t -> menu.add(new Technique(t.id(), "persuasion, written by you",
                t.name() + ": " + t.definition(), false)));
        if (menu.stream().map(Technique::id).distinct().count() != menu.size()) { // find() would pick one of two silently
            throw new IllegalStateException("two techniques share an id: " + menu.stream().map(Technique::id).toList());
        }
        return List.copyOf(menu);
    }

    /** The menu as lines of an attacker prompt: {@code - role-play (template): The target plays an actor…}. */
    static String described() {
        StringBuilder text = new StringBuilder();
        MENU.forEach(t -> text.append("\n- ").append(t.id()).append(" (").append(t.kind()).append("): ").append(t.description()));
        return text.toString();
    }

    /** The technique {@code id} names, if any (ids as written by a model: any case, quoted, bracketed). */
    static Optional<Technique> find(String id) {
        String bare = normalised(id);
        return MENU.stream().filter(t -> t.id().equals(bare)).findFirst();
    }

    /** {@code `Role-Play`} → {@code role-play}. */
    static String normalised(String id) {
        return id.strip().replaceAll("^[\\s\"'`\\[(*]+|[\\s\"'`\\])*.]+$", "").toLowerCase(Locale.ROOT);
    }

    /** {@code message} with the technique applied: a template wraps it, a converter rewrites it, a persuasion leaves it. */
    static String apply(Technique technique, String message) {
        if (!technique.appliedByUs()) {
            return message;
        }
        return Catalogue.find(Kind.TEMPLATE, technique.id()).isPresent() ? Template.byId(technique.id()).apply(message)
                : Converters.byId(technique.id(), null).convert(message, null);
    }
}
