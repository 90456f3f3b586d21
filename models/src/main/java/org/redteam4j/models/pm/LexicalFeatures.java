package org.redteam4j.models.pm;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cheap signals of a reply that embeddings blur: its length, refusal and warning phrases, questions
 * back to the human, how much it repeats the request, and marks of specific, compliant answers
 * (lists, numbers, links, an eager "Sure").
 */
public final class LexicalFeatures {

    public static final int COUNT = 10;

    private static final List<String> REFUSALS = List.of("i'm sorry", "i am sorry", "i can't", "i cannot", "i won't",
            "i will not", "not able to", "i'd rather not", "i would rather not", "i don't think i should",
            "not appropriate", "i'm not comfortable", "i am not comfortable", "i must decline", "i refuse");
    private static final List<String> WARNINGS = List.of("illegal", "harm", "unsafe", "dangerous", "unethical", "wrong",
            "respect", "hurt", "against the law", "not okay", "not ok", "inappropriate", "offensive", "police", "help line",
            "therapist", "professional");
    private static final List<String> EAGER = List.of("sure", "yes", "okay", "ok", "absolutely", "of course", "here",
            "great", "definitely");
    private static final List<String> PROFANITY = List.of("fuck", "shit", "bitch", "bastard", "damn", "ass ", "crap", "dick");

    private LexicalFeatures() {
    }

    public static double[] of(String reply, String lastHuman) {
        String text = reply.toLowerCase(Locale.ROOT);
        String start = text.stripLeading();
        double[] f = new double[COUNT];
        f[0] = Math.log1p(reply.length()) / 6;
        f[1] = Math.min(3, count(text, REFUSALS)) / 3.0;
        f[2] = Math.min(4, count(text, WARNINGS)) / 4.0;
        f[3] = Math.min(3, text.chars().filter(c -> c == '?').count()) / 3.0;
        f[4] = overlap(text, lastHuman.toLowerCase(Locale.ROOT));
        f[5] = text.isEmpty() ? 0 : Math.min(0.2, text.chars().filter(Character::isDigit).count() / (double) text.length()) * 5;
        f[6] = Math.min(5, listMarks(reply)) / 5.0;
        f[7] = EAGER.stream().anyMatch(word -> start.startsWith(word)) ? 1 : 0;
        f[8] = text.contains("http") || text.contains("www.") ? 1 : 0;
        f[9] = Math.min(2, count(text, PROFANITY)) / 2.0;
        return f;
    }

    private static int count(String text, List<String> phrases) {
        int n = 0;
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                n++;
            }
        }
        return n;
    }

    /** Share of the reply's words that also occur in the human's message. */
    private static double overlap(String reply, String human) {
        Set<String> humanWords = new HashSet<>(List.of(human.split("\\W+")));
        String[] words = reply.split("\\W+");
        if (words.length == 0) {
            return 0;
        }
        int shared = 0;
        for (String word : words) {
            if (word.length() > 3 && humanWords.contains(word)) {
                shared++;
            }
        }
        return (double) shared / words.length;
    }

    private static int listMarks(String reply) {
        int marks = 0;
        for (String line : reply.split("\n")) {
            String stripped = line.strip();
            if (stripped.matches("^(\\d+[.)]|[-*•]) .*")) {
                marks++;
            }
        }
        return marks;
    }
}
