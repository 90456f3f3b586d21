package org.redteam4j.config.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.redteam4j.config.yaml.StrictYaml;
import org.redteam4j.core.failure.BadInput;

/** The keys beside {@code converters:} — language, tone, shift — each read by one converter, checked where written. */
class ConverterKeysTest {

    private static final String WHERE = "campaign.yaml: line 12: ";

    private static String id(String flow) {
        return Strategies.of(yaml(flow), WHERE).get(0).id();
    }

    @Test
    void eachKeyReachesTheConverterThatReadsItAndTheDefaultsStandOtherwise() {
        assertThat(id("{converters: [caesar], shift: 5}")).isEqualTo("converters:caesar:5");
        assertThat(id("{converters: [caesar, base64]}")).isEqualTo("converters:caesar:3+base64");
        assertThat(id("{converters: [tone, translate], tone: formal, language: German}"))
                .isEqualTo("converters:tone:formal+translate:German");
        assertThat(id("{converters: [translate]}")).isEqualTo("converters:translate:French");
        assertThat(id("{converters: [tone]}")).isEqualTo("converters:tone:casual");
        assertThat(id("{converters: [caesar, tone, translate], shift: 25, tone: matter-of-fact, language: Brazilian Portuguese}"))
                .isEqualTo("converters:caesar:25+tone:matter-of-fact+translate:Brazilian Portuguese");
    }

    @Test
    void aBadValueIsBadInputNamingItsKeyAndPlace() {
        assertThatThrownBy(() -> id("{converters: [caesar], shift: 0}")).isInstanceOf(BadInput.class)
                .hasMessageStartingWith(WHERE + "shift must be a whole number from 1 to 25");
        assertThatThrownBy(() -> id("{converters: [caesar], shift: 26}")).hasMessageStartingWith(WHERE + "shift ");
        assertThatThrownBy(() -> id("{converters: [caesar], shift: three}")).isInstanceOf(BadInput.class)
                .hasMessage(WHERE + "shift must be a whole number, got \"three\"");
        assertThatThrownBy(() -> id("{converters: [caesar], shift: 2.5}")).hasMessageStartingWith(WHERE + "shift must be a whole number");
        assertThatThrownBy(() -> id("{converters: [tone], tone: 5}")).hasMessage(WHERE + "tone must be text, got 5");
        assertThatThrownBy(() -> id("{converters: [translate], language: ''}")).hasMessageStartingWith(WHERE + "language must be");
        assertThatThrownBy(() -> id("{converters: [translate], language: [German]}"))
                .hasMessageStartingWith(WHERE + "language must be text");
    }

    @Test
    void anUnknownKeyListsTheKnownOnesWithTheirConverters() {
        assertThatThrownBy(() -> id("{converters: [caesar], shfit: 5}")).isInstanceOf(BadInput.class)
                .hasMessage(WHERE + "unknown key 'shfit' beside strategy 'converters'; expected 'language' (read by translate), "
                        + "'shift' (read by caesar), 'tone' (read by tone)");
        assertThatThrownBy(() -> id("{direct: {}, shift: 3}")).hasMessage(WHERE + "unknown key 'shift' beside strategy 'direct'");
    }

    @Test
    void aKeyNoConverterOfTheChainReadsIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> id("{converters: [base64, rot13], shift: 5}")).isInstanceOf(BadInput.class)
                .hasMessage(WHERE + "shift is read by the caesar converter, which this chain [base64, rot13] does not use");
        assertThatThrownBy(() -> id("{converters: [tone], language: German}"))
                .hasMessageContaining("language is read by the translate converter");
    }

    private static JsonNode yaml(String flow) {
        return StrictYaml.read("value: " + flow, "test.yaml", JsonNode.class).get("value");
    }
}
