package org.redteam4j.core.catalogue;

import static org.redteam4j.core.catalogue.Need.ATTACKER;

import java.util.List;
import java.util.Set;

/** The converters of the catalogue: rewrites of a prompt, chainable. */
final class ConverterEntries {

    static final List<Entry> ALL = List.of(
            new Entry(Kind.CONVERTER, "base64", "Base64-encodes the prompt, with an instruction to decode it.", Set.of(),
                    "{converters: [base64]}"),
            new Entry(Kind.CONVERTER, "rot13", "ROT13-encodes the prompt, with an instruction to decode it.", Set.of(),
                    "{converters: [rot13]}"),
            new Entry(Kind.CONVERTER, "leetspeak", "Replaces letters with look-alike digits.", Set.of(),
                    "{converters: [leetspeak]}"),
            new Entry(Kind.CONVERTER, "homoglyphs", "Replaces Latin letters with Cyrillic and Greek look-alikes.", Set.of(),
                    "{converters: [homoglyphs]}"),
            new Entry(Kind.CONVERTER, "spacing", "Puts a space between every character.", Set.of(),
                    "{converters: [spacing]}"),
            new Entry(Kind.CONVERTER, "translate", "Has the attacker model translate the prompt (language: …, "
                    + "default French).", Set.of(ATTACKER), "{converters: [translate], language: German}"));

    private ConverterEntries() {
    }
}
