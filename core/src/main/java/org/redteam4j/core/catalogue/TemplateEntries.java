package org.redteam4j.core.catalogue;

import java.util.List;
import java.util.Set;
import org.redteam4j.core.attack.BuiltinTemplates;

/** The jailbreak templates of the catalogue, written for redteam4j; declared once in templates.tsv (BuiltinTemplates). */
final class TemplateEntries {

    static final List<Entry> ALL = BuiltinTemplates.all().stream()
            .map(template -> new Entry(Kind.TEMPLATE, template.id(), template.description(), Set.of(),
                    "{template: " + template.id() + "}"))
            .toList();

    private TemplateEntries() {
    }
}
