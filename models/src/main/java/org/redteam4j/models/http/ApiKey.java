package org.redteam4j.models.http;

import java.util.Objects;

/** A credential. It prints as {@code ***} so it cannot reach a log or a message by accident. */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
        return new ApiKey(value.strip());
    }

    /** The key itself, for the one place that sends it. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the key replaced by {@code ***}. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public String toString() {
        return "***";
    }
}
