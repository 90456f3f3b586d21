package org.redteam4j.core.attack.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.redteam4j.core.attack.Converter;
import org.redteam4j.core.attack.Converters;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.testing.RecordingModel;

/**
 * Every converter takes emoji, characters outside the Basic Multilingual Plane and joined emoji
 * without splitting a surrogate pair; the reversible ones read them back exactly.
 */
class UnicodeSafetyTest {

    /** An emoji, a mathematical letter (a surrogate pair that is a letter), a family joined by ZWJ, an accent, tags. */
    private static final String PROMPT = "Ask 😊 about \uD835\uDD18nicode: 👨\u200D👩\u200D👧, naïve \uDB40\uDC41 café?";
    /** Converters that encode the astral characters away (into bytes or selectors), so the text does not show them. */
    private static final Set<String> ENCODED = Set.of("base64", "base32", "hex", "binary", "url", "variation_selectors");

    @TestFactory
    Stream<DynamicTest> everyConverterKeepsSurrogatePairsWhole() {
        return Converters.ids().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Converter converter = Converters.byId(id, null);
            RecordingModel attacker = new RecordingModel(true);

            String converted = converter.convert(PROMPT, attacker);

            assertThat(unpairedSurrogates(converted)).as("unpaired surrogates in " + converted).isZero();
            if (converter.needs().contains(Need.ATTACKER)) {
                assertThat(converted).isEqualTo("reply 1");
                assertThat(attacker.requests().get(0).turns().get(0).text()).endsWith(PROMPT);
            } else if (!ENCODED.contains(id)) {
                assertThat(converted).contains("😊", "👩").contains(id.equals("emoji") ? "" : "\uD835\uDD18");
            }
            if (converter instanceof Reversible reversible) {
                // Morse has no case; a tag character already in the prompt reads back as the ASCII it mirrors
                String expected = id.equals("morse") ? PROMPT.replace("A", "a")
                        : id.equals("unicode_tags") ? PROMPT.replace("\uDB40\uDC41", "A") : PROMPT;
                assertThat(reversible.decode(converted)).isEqualTo(expected);
            }
        }));
    }

    private static long unpairedSurrogates(String text) {
        long unpaired = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                unpaired++;
            }
        }
        return unpaired;
    }
}
