package org.redteam4j.core.attack.convert;

import java.util.List;
import java.util.Map;

/** Letters swapped for characters that look like them (or like them upside down): fixed tables, no randomness. */
final class LookAlikes {

    /** Digits that look like letters, either case. */
    private static final Map<Integer, String> LEET = CodePoints.table("aeiostAEIOST", "431057431057");
    /** Latin letters and the Cyrillic or Greek letters that look the same. */
    private static final Map<Integer, String> HOMOGLYPHS = CodePoints.table("aceopxyiAB",
            "\u0430\u0441\u0435\u043E\u0440\u0445\u0443\u0456\u0391\u0392");
    private static final Map<Integer, String> DIACRITICS = CodePoints.table("aeiouyAEIOUYncNC", "áéíóúýÁÉÍÓÚÝñçÑÇ");
    private static final Map<Integer, String> UPSIDE_DOWN = CodePoints.table(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,?!'\"()[]{}<>_&;",
            "ɐqɔpǝɟƃɥᴉɾʞlɯuodbɹsʇnʌʍxʎz∀ꓭƆꓷƎℲ⅁HIſꓘ˥WNOԀΌꓤS⊥∩ΛMX⅄Z0ƖᄅƐㄣϛ9ㄥ86˙'¿¡,„)(][}{><‾⅋؛");
    /** The negative squared Latin letters U+1F170-U+1F189 (🅰 🅱 … 🆉), for either case. */
    private static final int SQUARED_A = 0x1F170;

    private LookAlikes() {
    }

    static List<Registered> all() {
        return List.of(
                Registered.fixed(new PlainConverter("leetspeak", text -> CodePoints.map(text, LEET))),
                Registered.fixed(new PlainConverter("homoglyphs", text -> CodePoints.map(text, HOMOGLYPHS))),
                Registered.fixed(new PlainConverter("diacritics", text -> CodePoints.map(text, DIACRITICS))),
                // turned upside down, the text also reads from the other end (StringBuilder keeps surrogate pairs whole)
                Registered.fixed(new PlainConverter("upside_down", text -> new StringBuilder(CodePoints.map(text, UPSIDE_DOWN))
                        .reverse().toString())),
                Registered.fixed(new PlainConverter("emoji", LookAlikes::squaredLetters)));
    }

    private static String squaredLetters(String text) {
        return CodePoints.map(text, c -> c >= 'a' && c <= 'z' ? Character.toString(SQUARED_A + c - 'a')
                : c >= 'A' && c <= 'Z' ? Character.toString(SQUARED_A + c - 'A') : Character.toString(c));
    }
}
