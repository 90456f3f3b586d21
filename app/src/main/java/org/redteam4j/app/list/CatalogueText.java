package org.redteam4j.app.list;

import java.util.List;
import java.util.stream.Collectors;
import org.redteam4j.core.attack.Template;
import org.redteam4j.core.catalogue.Entry;
import org.redteam4j.core.catalogue.FrameworkIds;
import org.redteam4j.core.catalogue.FrameworkMapping;
import org.redteam4j.core.catalogue.Kind;
import org.redteam4j.core.catalogue.Need;

/** The catalogue as a terminal table: one section per kind, one line per entry with its needs, example and
 * framework ids (OWASP LLM Top 10 2025, MITRE ATLAS). */
final class CatalogueText {

    private CatalogueText() {
    }

    static String render(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            List<Entry> ofKind = entries.stream().filter(e -> e.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\n").append(capitalised(kind.plural())).append('\n');
            // ids longer than 20 (payload ids, strategy names) widen their section's column, so descriptions stay aligned
            String column = "  %-" + Math.max(20, ofKind.stream().mapToInt(e -> e.id().length()).max().orElse(0)) + "s ";
            for (Entry entry : ofKind) {
                String needs = entry.needs().isEmpty() ? "" : "  [needs " + entry.needs().stream().sorted().map(Need::label)
                        .collect(Collectors.joining(", ")) + "]";
                text.append(String.format(column + "%s%s%s%n", entry.id(), family(entry), entry.description(), needs));
                text.append(String.format(column + "e.g. %s%n", "", entry.example()));
                if (FrameworkMapping.maps(entry.kind())) {
                    FrameworkIds ids = FrameworkMapping.builtin().entry(entry);
                    text.append(String.format(column + "OWASP %s · ATLAS %s%n", "", ids.owasp().isEmpty() ? "none"
                            : String.join(", ", ids.owasp()), ids.atlas().isEmpty() ? "none" : String.join(", ", ids.atlas())));
                }
            }
        }
        return text.toString();
    }

    /** A template's tactic family before its description ("[fiction] …"), so the list reads by family. */
    private static String family(Entry entry) {
        return entry.kind() == Kind.TEMPLATE ? "[" + Template.byId(entry.id()).family() + "] " : "";
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
