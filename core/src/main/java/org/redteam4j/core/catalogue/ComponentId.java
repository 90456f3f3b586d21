package org.redteam4j.core.catalogue;

/**
 * A component's identity as stored with every result, in one grammar: the catalogue id, then its
 * settings in parentheses — {@code refusal(embedding-refusal/minilm)}, {@code pm(pm:default,
 * threshold=0.0)}, {@code llm(openai:gpt-4o-mini, threshold=4)}. Reports read the catalogue id
 * back with {@link #parse}, never by searching the text.
 */
public record ComponentId(String catalogueId, String settings) {

    public static ComponentId of(String catalogueId, String settings) {
        return new ComponentId(catalogueId, settings);
    }

    /** Reads what {@link #toString} wrote; an id without settings is just the catalogue id. */
    public static ComponentId parse(String text) {
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            return new ComponentId(text, null);
        }
        return new ComponentId(text.substring(0, open), text.substring(open + 1, text.length() - 1));
    }

    @Override
    public String toString() {
        return settings == null ? catalogueId : catalogueId + "(" + settings + ")";
    }
}
