package org.redteam4j.core.attack.convert;

import java.util.Map;
import java.util.regex.Pattern;
import org.redteam4j.core.failure.BadInput;

/**
 * The parameters of the converters that take one, written beside {@code converters:} in a
 * campaign file: {@code language} (translate), {@code tone} (tone) and {@code shift} (caesar).
 */
public record ConverterSettings(String language, String tone, int shift) {

    /** Each key and the converter that reads it, declared once for the campaign parser and the docs. */
    public static final Map<String, String> READ_BY = Map.of("language", "translate", "tone", "tone", "shift", "caesar");

    /** Before DEFAULTS, which it checks. A language or a tone goes into the attacker's prompt and into the converter's id: a few plain words. */
    private static final Pattern WORDS = Pattern.compile("\\p{L}[\\p{L} '-]{0,39}");

    public static final ConverterSettings DEFAULTS = new ConverterSettings("French", "casual", 3);

    public ConverterSettings {
        requireWords("language", language);
        requireWords("tone", tone);
        if (shift < 1 || shift > 25) {
            throw new BadInput("shift must be a whole number from 1 to 25 (caesar's letter shift), got " + shift);
        }
    }

    public ConverterSettings withLanguage(String newLanguage) {
        return new ConverterSettings(newLanguage, tone, shift);
    }

    public ConverterSettings withTone(String newTone) {
        return new ConverterSettings(language, newTone, shift);
    }

    public ConverterSettings withShift(int newShift) {
        return new ConverterSettings(language, tone, newShift);
    }

    private static void requireWords(String key, String value) {
        if (value == null || !WORDS.matcher(value).matches()) {
            throw new BadInput(key + " must be a few words (letters, spaces, hyphens; at most 40 characters), got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
    }
}
