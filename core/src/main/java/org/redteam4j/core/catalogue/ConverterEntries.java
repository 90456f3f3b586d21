package org.redteam4j.core.catalogue;

import static org.redteam4j.core.catalogue.Need.ATTACKER;

import java.util.List;
import java.util.Set;

/**
 * The converters of the catalogue: rewrites of a prompt, chainable. By family: encodings and
 * smuggling (each with an instruction to decode), look-alikes, noise (random, seeded by the prompt,
 * so a prompt always converts the same way), wordplay, wrappers, and rewrites by the attacker model
 * (one attacker call each, counted in the attack's spend and the budget).
 */
final class ConverterEntries {

    static final List<Entry> ALL = List.of(
            // encodings
            converter("base64", "Base64-encodes the prompt (UTF-8), with an instruction to decode it."),
            converter("base32", "Base32-encodes the prompt (RFC 4648, UTF-8), with an instruction to decode it."),
            converter("rot13", "ROT13-encodes the prompt, with an instruction to decode it."),
            new Entry(Kind.CONVERTER, "caesar", "Shifts each letter shift places on in the alphabet (shift: 1-25, default 3), "
                    + "with an instruction to shift it back.", Set.of(), "{converters: [caesar], shift: 5}"),
            converter("atbash", "Atbash cipher (a and z swapped, b and y, …), with an instruction to decode it."),
            converter("hex", "The prompt's UTF-8 bytes as two hex digits each, with an instruction to decode them."),
            converter("binary", "The prompt's UTF-8 bytes as eight bits each, with an instruction to decode them."),
            converter("url", "Percent-encodes the prompt (RFC 3986, UTF-8), with an instruction to decode it."),
            converter("morse", "Morse code (letters read as lower case; what Morse cannot write stays), with an instruction "
                    + "to decode it."),
            // smuggling
            converter("unicode_tags", "Hides the prompt's ASCII in invisible Unicode tag characters (U+E0020-U+E007E), with "
                    + "an instruction to decode them."),
            converter("variation_selectors", "Hides the prompt's UTF-8 bytes in invisible variation selectors after an emoji, "
                    + "one selector a byte, with an instruction to decode them."),
            converter("zero_width", "Puts a zero-width space (U+200B) between every two characters, with an instruction to "
                    + "ignore them."),
            // look-alikes
            converter("leetspeak", "Replaces letters with look-alike digits (a→4, e→3, i→1, o→0, s→5, t→7)."),
            converter("homoglyphs", "Replaces Latin letters with Cyrillic and Greek look-alikes."),
            converter("diacritics", "Puts accents on vowels and on c and n (á, é, ñ, ç, …)."),
            converter("upside_down", "Turns the text upside down: letters, digits and punctuation flipped, the order "
                    + "reversed."),
            converter("emoji", "Replaces each Latin letter with its squared emoji letter (🅰 🅱 … 🆉)."),
            // noise
            converter("zalgo", "Adds one to three random combining marks after every letter (seeded by the prompt)."),
            converter("character_swap", "Swaps two neighbouring inner letters in every word of four letters or more "
                    + "(seeded by the prompt)."),
            converter("word_scramble", "Shuffles the inner letters of every word longer than three letters (seeded by the "
                    + "prompt)."),
            converter("character_noise", "Moves about one in ten printable ASCII characters one code point up or down "
                    + "(seeded by the prompt)."),
            converter("random_case", "Flips the case of about half of the letters (seeded by the prompt)."),
            // wordplay
            converter("spacing", "Puts a space between every character."),
            converter("pig_latin", "Pig latin: a word's first consonants move to its end before 'ay'; a word starting with a "
                    + "vowel gets 'way'."),
            converter("reverse", "Writes the prompt backwards, with an instruction to read it from right to left."),
            // wrappers
            converter("ascii_art", "Draws the prompt inside a banner of # (a box, not FIGlet letters), with an instruction "
                    + "to read it."),
            converter("code_block", "Puts the prompt in a fenced Markdown code block, with an instruction to answer it."),
            converter("json", "Puts the prompt in a JSON object's \"request\" field, with an instruction to answer it."),
            converter("xml", "Puts the prompt, escaped, in an XML <request> element, with an instruction to answer it."),
            // rewrites by the attacker
            new Entry(Kind.CONVERTER, "translate", "Has the attacker model translate the prompt (language: …, default French).",
                    Set.of(ATTACKER), "{converters: [translate], language: German}"),
            new Entry(Kind.CONVERTER, "tense", "Has the attacker model rewrite the prompt in the past tense.", Set.of(ATTACKER),
                    "{converters: [tense]}"),
            new Entry(Kind.CONVERTER, "tone", "Has the attacker model rewrite the prompt in another tone (tone: …, default "
                    + "casual).", Set.of(ATTACKER), "{converters: [tone], tone: formal}"),
            new Entry(Kind.CONVERTER, "paraphrase", "Has the attacker model paraphrase the prompt.", Set.of(ATTACKER),
                    "{converters: [paraphrase]}"));

    private ConverterEntries() {
    }

    /** A converter that needs nothing and reads no setting. */
    private static Entry converter(String id, String description) {
        return new Entry(Kind.CONVERTER, id, description, Set.of(), "{converters: [" + id + "]}");
    }
}
