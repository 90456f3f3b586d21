package org.redteam4j.core.attack.convert;

import java.util.HashMap;
import java.util.Map;

/**
 * International Morse code: Latin letters (upper case is read as lower), digits and common punctuation, one code
 * point a code, separated by spaces, a space between words written {@code /}. What Morse has no
 * code for (accented letters, emoji) stays as it is, as its own group, so decoding gives it back.
 */
final class Morse {

    private static final String[] CODES = {
            "a", ".-", "b", "-...", "c", "-.-.", "d", "-..", "e", ".", "f", "..-.", "g", "--.", "h", "....", "i", "..",
            "j", ".---", "k", "-.-", "l", ".-..", "m", "--", "n", "-.", "o", "---", "p", ".--.", "q", "--.-", "r", ".-.",
            "s", "...", "t", "-", "u", "..-", "v", "...-", "w", ".--", "x", "-..-", "y", "-.--", "z", "--..",
            "0", "-----", "1", ".----", "2", "..---", "3", "...--", "4", "....-", "5", ".....", "6", "-....",
            "7", "--...", "8", "---..", "9", "----.",
            ".", ".-.-.-", ",", "--..--", "?", "..--..", "'", ".----.", "!", "-.-.--", "/", "-..-.", "(", "-.--.",
            ")", "-.--.-", "&", ".-...", ":", "---...", ";", "-.-.-.", "=", "-...-", "+", ".-.-.", "-", "-....-",
            "_", "..--.-", "\"", ".-..-.", "$", "...-..-", "@", ".--.-."};
    private static final Map<Integer, String> ENCODE = new HashMap<>();
    private static final Map<String, String> DECODE = new HashMap<>();

    static {
        for (int i = 0; i < CODES.length; i += 2) {
            ENCODE.put(CODES[i].codePointAt(0), CODES[i + 1]);
            DECODE.put(CODES[i + 1], CODES[i]);
        }
    }

    private Morse() {
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() * 4);
        text.codePoints().map(c -> c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c).forEach(c -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(c == ' ' ? "/" : ENCODE.getOrDefault(c, Character.toString(c)));
        });
        return out.toString();
    }

    static String decode(String code) {
        StringBuilder out = new StringBuilder(code.length() / 3);
        for (String group : code.split(" ", -1)) {
            out.append(group.equals("/") ? " " : DECODE.getOrDefault(group, group));
        }
        return out.toString();
    }
}
