package org.redteam4j.core.secrets;

import java.util.List;

/**
 * A text after redaction, and the names of the secrets that were in it (each once, in the order
 * first found); empty when the text held none.
 */
public record Redacted(String text, List<String> found) {

    public Redacted {
        found = List.copyOf(found);
    }

    public boolean changed() {
        return !found.isEmpty();
    }
}
