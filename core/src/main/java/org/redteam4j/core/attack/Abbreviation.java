package org.redteam4j.core.attack;

/**
 * Model text cut short where an attacker prompt quotes it (a refused message, a reply, a tactic).
 * The cut never falls inside a surrogate pair: half an emoji is not text, and an HTTP body
 * encodes it as '?'.
 */
final class Abbreviation {

    private Abbreviation() {
    }

    /** {@code text} when it has at most {@code max} chars, else its first {@code max} (one fewer before half a pair) and "…". */
    static String of(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut) + "…";
    }
}
