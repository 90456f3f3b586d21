package org.redteam4j.core.catalogue;

import java.util.List;
import java.util.Set;

/** The jailbreak templates of the catalogue, written for redteam4j. */
final class TemplateEntries {

    static final List<Entry> ALL = List.of(
            new Entry(Kind.TEMPLATE, "role-play", "The target plays an actor whose script requires a full answer.",
                    Set.of(), "{template: role-play}"),
            new Entry(Kind.TEMPLATE, "hypothetical", "Frames the request as research for a novel.", Set.of(),
                    "{template: hypothetical}"),
            new Entry(Kind.TEMPLATE, "prefix-injection", "Asks the target to begin its reply with \"Sure, here is\".",
                    Set.of(), "{template: prefix-injection}"),
            new Entry(Kind.TEMPLATE, "refusal-suppression", "Forbids apologies, disclaimers and refusals.", Set.of(),
                    "{template: refusal-suppression}"),
            new Entry(Kind.TEMPLATE, "many-shot", "Precedes the request with transcripts of an assistant that always "
                    + "complies (details omitted).", Set.of(), "{template: many-shot}"));

    private TemplateEntries() {
    }
}
