package org.redteam4j.core.attack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random rewrites of a prompt that keep it readable, as in Best-of-N jailbreaking (Hughes et al.,
 * 2024): shuffle the middle letters of words, flip the case of letters, nudge printable characters
 * one code point up or down. Each takes its {@link Random}, so a seeded caller repeats its samples.
 */
public final class Augmentations {

    private Augmentations() {
    }

    /** Shuffles the inner letters of each word longer than three characters, with probability {@code p} per word. */
    public static String scrambleWords(String text, Random random, double p) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            if (end == i) {
                out.append(text.charAt(i++));
                continue;
            }
            String word = text.substring(i, end);
            out.append(word.length() > 3 && random.nextDouble() < p ? shuffledInside(word, random) : word);
            i = end;
        }
        return out.toString();
    }

    /** Flips the case of each letter with probability {@code p}. */
    public static String randomCapitalisation(String text, Random random, double p) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean flip = Character.isLetter(c) && random.nextDouble() < p;
            out.append(!flip ? c : Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** Moves each printable ASCII character (space to tilde, exclusive) one code point up or down with probability {@code p}. */
    public static String asciiNoise(String text, Random random, double p) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c > ' ' && c < '~' && c != '!' && random.nextDouble() < p) {
                out.append((char) (c + (random.nextBoolean() ? 1 : -1)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String shuffledInside(String word, Random random) {
        List<Character> inner = new ArrayList<>(word.length() - 2);
        for (int i = 1; i < word.length() - 1; i++) {
            inner.add(word.charAt(i));
        }
        Collections.shuffle(inner, random);
        StringBuilder out = new StringBuilder(word.length()).append(word.charAt(0));
        inner.forEach(out::append);
        return out.append(word.charAt(word.length() - 1)).toString();
    }
}
