package org.redteam4j.core.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Kind;

/**
 * A jailbreak framing written for redteam4j, kept as a resource file with an id so results can be
 * broken down by template. {@code {request}} marks where the seed goes.
 */
public record Template(String id, String text) {

    /** Every built-in template's id, from the catalogue. */
    public static List<String> ids() {
        return Catalogue.ids(Kind.TEMPLATE);
    }

    public static Template byId(String id) {
        Catalogue.require(Kind.TEMPLATE, id, "");
        try (InputStream in = Template.class.getResourceAsStream("templates/" + id + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + id);
            }
            return new Template(id, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apply(String request) {
        return text.replace("{request}", request);
    }
}
