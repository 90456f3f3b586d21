package org.redteam4j.models.http;

import java.util.Objects;
import org.redteam4j.core.secrets.Secret;
import org.redteam4j.core.secrets.Secrets;

/**
 * A credential and the name it was read under (e.g. {@code OPENAI_API_KEY}). It prints as {@code
 * ***} so it cannot reach a log or a message by accident; text that quotes it is redacted by the
 * one rule in {@link Secrets}.
 */
public final class ApiKey {

    /** The name of a key given directly rather than read from the environment. */
    public static final String UNNAMED = "API key";

    private final Secret secret;

    private ApiKey(Secret secret) {
        this.secret = secret;
    }

    public static ApiKey of(String value) {
        return named(UNNAMED, value);
    }

    /** The key read from the variable {@code name}. */
    public static ApiKey named(String name, String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
        return new ApiKey(new Secret(name, value.strip()));
    }

    /** The key itself, for the one place that sends it. */
    public String reveal() {
        return secret.value();
    }

    /** The variable (or credentials-file key) it was read from. */
    public String name() {
        return secret.name();
    }

    public Secret secret() {
        return secret;
    }

    /** {@code text} with every occurrence of the key replaced by {@code [redacted NAME]}. */
    public String redact(String text) {
        return Secrets.of(secret).redact(text);
    }

    @Override
    public String toString() {
        return "***";
    }
}
