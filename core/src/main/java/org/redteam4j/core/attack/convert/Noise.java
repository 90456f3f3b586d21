package org.redteam4j.core.attack.convert;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.redteam4j.core.attack.Augmentations;

/**
 * Random damage that leaves the prompt readable. The randomness is seeded by the converter's id and
 * the prompt, so one prompt always converts the same way (a resumed campaign sends the same text).
 */
final class Noise {

    /** Combining diacritical marks, U+0300-U+036F. */
    private static final int FIRST_MARK = 0x0300;
    private static final int MARKS = 0x70;

    private Noise() {
    }

    static List<Registered> all() {
        return List.of(
                seeded("zalgo", Noise::zalgo),
                seeded("character_swap", Noise::swapAdjacentLetters),
                seeded("word_scramble", (text, random) -> Augmentations.scrambleWords(text, random, 1.0)),
                seeded("character_noise", (text, random) -> Augmentations.asciiNoise(text, random, 0.1)),
                seeded("random_case", (text, random) -> Augmentations.randomCapitalisation(text, random, 0.5)));
    }

    private static Registered seeded(String id, BiFunction<String, Random, String> damage) {
        return Registered.fixed(new PlainConverter(id, text -> damage.apply(text, random(id, text))));
    }

    /** String.hashCode is fixed by the language specification, so the seed is the same on every JVM. */
    static Random random(String id, String text) {
        return new Random(((long) id.hashCode() << 32) ^ (text.hashCode() & 0xffffffffL));
    }

    /** One to three combining marks after every letter. */
    private static String zalgo(String text, Random random) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        text.codePoints().forEach(c -> {
            out.appendCodePoint(c);
            if (Character.isLetter(c)) {
                for (int marks = 1 + random.nextInt(3); marks > 0; marks--) {
                    out.appendCodePoint(FIRST_MARK + random.nextInt(MARKS));
                }
            }
        });
        return out.toString();
    }

    /** In every word of four letters or more, two neighbouring inner letters trade places; first and last stay. */
    private static String swapAdjacentLetters(String text, Random random) {
        char[] chars = text.toCharArray();
        int i = 0;
        while (i < chars.length) {
            int end = i;
            while (end < chars.length && Character.isLetter(chars[end])) {
                end++; // a surrogate is no letter, so a word never ends inside a pair
            }
            if (end - i >= 4) {
                int at = i + 1 + random.nextInt(end - i - 3);
                char swapped = chars[at];
                chars[at] = chars[at + 1];
                chars[at + 1] = swapped;
            }
            i = Math.max(end, i + 1);
        }
        return new String(chars);
    }
}
