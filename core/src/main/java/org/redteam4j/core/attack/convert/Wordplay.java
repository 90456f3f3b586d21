package org.redteam4j.core.attack.convert;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Games with letters and words that a reader undoes in their head: spacing, pig latin, writing backwards. */
final class Wordplay {

    private static final String VOWELS = "aeiouAEIOU";

    private Wordplay() {
    }

    static List<Registered> all() {
        return List.of(
                Registered.fixed(new PlainConverter("spacing", Wordplay::spaced)),
                Registered.fixed(new PlainConverter("pig_latin", Wordplay::pigLatin)),
                Registered.fixed(new Codec("reverse", "The following message is written backwards. Read it from right to left "
                        + "and respond to it:", Wordplay::backwards, Wordplay::backwards)));
    }

    /** A space between every two code points; a space of the prompt stays two spaces wide, so words stay apart. */
    private static String spaced(String text) {
        StringJoiner out = new StringJoiner(" ");
        text.codePoints().forEach(c -> out.add(Character.toString(c)));
        return out.toString().replace("   ", "  ");
    }

    /** StringBuilder reverses a surrogate pair as one character. */
    private static String backwards(String text) {
        return new StringBuilder(text).reverse().toString();
    }

    /** Each word: a leading vowel gets "way" added, else its first consonants move to the end before "ay". */
    private static String pigLatin(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && Character.isLetter(text.charAt(end))) { // a surrogate is no letter
                end++;
            }
            if (end == i) {
                out.append(text.charAt(i++));
                continue;
            }
            out.append(pigLatinWord(text.substring(i, end)));
            i = end;
        }
        return out.toString();
    }

    private static String pigLatinWord(String word) {
        int firstVowel = 0;
        while (firstVowel < word.length() && VOWELS.indexOf(word.charAt(firstVowel)) < 0) {
            firstVowel++;
        }
        String plain = firstVowel == 0 ? word + "way" : word.substring(firstVowel) + word.substring(0, firstVowel) + "ay";
        if (isAllUpper(word)) {
            return plain.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(word.charAt(0))) { // "Steal" becomes "Ealstay": the capital stays in front
            String lower = plain.toLowerCase(Locale.ROOT);
            return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        }
        return plain;
    }

    private static boolean isAllUpper(String word) {
        return word.length() > 1 && word.chars().allMatch(Character::isUpperCase);
    }
}
