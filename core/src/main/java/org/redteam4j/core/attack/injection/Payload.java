package org.redteam4j.core.attack.injection;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of our injection texts. Its placeholders are filled per attack: {@code {canary}} the
 * campaign's canary, {@code {canary_split}} the canary in two quoted halves (so a reply that only
 * quotes the instruction does not hold it), {@code {canary_url_split}} a canary URL described in pieces, its host split the same way
 * (so the document never holds the URL a client fetches), {@code {request}}
 * the seed's request.
 *
 * @param id          stable id, in the catalogue under kind {@code payload}
 * @param strategy    the injection strategy that sends it
 * @param document    the document it is the body of (indirect injection), or null
 * @param text        the text with placeholders
 * @param description one line saying what it tries
 */
public record Payload(String id, String strategy, DocumentKind document, String text, String description) {

    public static final Set<String> PLACEHOLDERS = Set.of("canary", "canary_split", "canary_url_split", "request");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public Payload {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Whether it uses the seed: one that does not is the same attack for every seed, so the plan
     * sends it once per target and repetition, not once per seed.
     */
    public boolean usesRequest() {
        return text.contains("{request}");
    }

    /** Whether it plants a canary URL (the exfiltration pattern) rather than the canary text. */
    public boolean plantsUrl() {
        return text.contains("{canary_url_split}");
    }

    /** The text with each placeholder replaced by its value; the values are inserted as they are, never read as placeholders. */
    public String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("payload " + id + " uses {" + matcher.group(1) + "}, which has no value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
