package org.redteam4j.models.refusal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The curated refusal-phrase list ({@code refusal-phrases.txt}, kept as data): what the keyword
 * judge matches and what the trained classifiers read as lexical signals. Replies are compared in
 * lower case with curly apostrophes made straight.
 */
public final class RefusalPhrases {

    public static final String RESOURCE = "refusal-phrases.txt";

    private static final RefusalPhrases SHIPPED = load();

    private final List<String> phrases;
    private final String sha256;

    private RefusalPhrases(List<String> phrases, String sha256) {
        this.phrases = List.copyOf(phrases);
        this.sha256 = sha256;
    }

    /** The list that ships with redteam4j. */
    public static RefusalPhrases shipped() {
        return SHIPPED;
    }

    public List<String> phrases() {
        return phrases;
    }

    /** The list's content hash: a trained head records it, since its weights are per phrase. */
    public String sha256() {
        return sha256;
    }

    /** The first phrase of the list the reply contains anywhere, if any. */
    public Optional<String> firstIn(String reply) {
        String text = normalised(reply);
        return phrases.stream().filter(text::contains).findFirst();
    }

    /** The reply's first two sentences, normalised: where replies say that they refuse. */
    public static String opening(String reply) {
        String text = normalised(reply).strip();
        String[] sentences = text.split("(?<=[.!?])\\s+", 3);
        return sentences.length <= 2 ? text : sentences[0] + " " + sentences[1];
    }

    public static String normalised(String reply) {
        return reply.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
    }

    private static RefusalPhrases load() {
        try (InputStream in = RefusalPhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the refusal-phrase list " + RESOURCE + " is missing from the build");
            }
            byte[] bytes = in.readAllBytes();
            List<String> phrases = new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            return new RefusalPhrases(phrases, org.redteam4j.core.provenance.Sha256.of(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
