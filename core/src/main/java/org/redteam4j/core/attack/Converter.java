package org.redteam4j.core.attack;

import java.util.Set;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.chat.ChatModel;

/** Rewrites an attack prompt (encodings, obfuscations, translation); chainable. */
public interface Converter {

    String id();

    /** {@code attacker} is the campaign's attacker model for this attack, or null when it has none. */
    String convert(String prompt, ChatModel attacker);

    /** What the converter needs, as its catalogue entry declares. */
    default Set<Need> needs() {
        return Set.of();
    }
}
