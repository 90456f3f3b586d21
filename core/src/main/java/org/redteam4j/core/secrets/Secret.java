package org.redteam4j.core.secrets;

import java.util.Objects;

/**
 * One configured secret: the name it is known by (the environment variable or credentials-file
 * key it was read from, or "database password") and its value. It prints without the value.
 */
public record Secret(String name, String value) {

    public Secret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank() || value.isBlank()) {
            throw new IllegalArgumentException("a secret has a name and a value");
        }
    }

    @Override
    public String toString() {
        return name + "=***";
    }
}
