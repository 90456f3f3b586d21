package org.redteam4j.core.secrets;

import java.io.Serializable;
import java.util.Objects;

/**
 * A finding: a configured secret was in a model's text and was redacted before it was stored or
 * shown. It names the secret and the text, never the value.
 *
 * @param secret the secret's name, e.g. {@code OPENAI_API_KEY}
 * @param in     which text held it: {@code reply}, {@code prompt}, {@code conversation}, {@code judge rationale},
 *               {@code error}, {@code seed}, or the workbench's {@code candidate reply}
 */
public record Redaction(String secret, String in) implements Serializable {

    public Redaction {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(in, "in");
    }

    /** The finding in words, e.g. "the reply contained the OPENAI_API_KEY". */
    public String finding() {
        return "the " + in + " contained the " + secret;
    }
}
