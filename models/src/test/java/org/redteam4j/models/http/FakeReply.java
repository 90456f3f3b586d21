package org.redteam4j.models.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the loopback servers' model says: {@value #LENGTH} words (a word a token), cut at the
 * request's max tokens, drawn from the request's seed — so a seed repeats the reply — and, like a
 * real server, unpredictably without one.
 *
 * @param text   the reply
 * @param tokens how many tokens it has
 * @param cut    whether max tokens ended it
 */
public record FakeReply(String text, int tokens, boolean cut) {

    static final int LENGTH = 12;
    private static final List<String> WORDS = List.of("I", "would", "rather", "not", "help", "with", "that",
            "but", "am", "happy", "to", "talk", "about", "something", "else", "today");

    /** Sample {@code sample} of a request with these {@code seed} and {@code maxTokens} fields (either may be missing). */
    public static FakeReply draw(JsonNode seed, JsonNode maxTokens, int sample) {
        SplittableRandom random = seed != null && seed.canConvertToLong()
                ? new SplittableRandom(seed.longValue() + sample)
                : new SplittableRandom(); // deliberately unseeded: a server without a seed is not repeatable
        int limit = maxTokens != null && maxTokens.canConvertToInt() ? maxTokens.intValue() : LENGTH;
        int tokens = Math.min(LENGTH, limit);
        List<String> words = new ArrayList<>(tokens);
        for (int i = 0; i < tokens; i++) {
            words.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return new FakeReply(String.join(" ", words), tokens, tokens < LENGTH);
    }

    /** The prompt's tokens as the fake counts them: the words of every message's content. */
    public static long promptTokens(JsonNode messages, String system) {
        StringBuilder text = new StringBuilder(system == null ? "" : system);
        messages.forEach(message -> text.append(' ').append(message.path("content").asText()));
        return text.toString().isBlank() ? 0 : text.toString().strip().split("\\s+").length;
    }
}
