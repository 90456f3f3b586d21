package org.redteam4j.config.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.redteam4j.config.yaml.StrictYaml;
import org.redteam4j.core.failure.BadInput;

/**
 * A strategy's settings are a map: {@code best_of_n: 100} or {@code tree: [4, 2, 3]} read no
 * setting at all, so they were silently the defaults (n 10, a 4x2x3 tree, every payload).
 */
class ScalarSettingsTest {

    private static final String WHERE = "campaign.yaml: line 7: ";

    @Test
    void aNumberOrAListInPlaceOfTheSettingsMapIsBadInputWithItsPlace() {
        assertThatThrownBy(() -> Strategies.of(yaml("{best_of_n: 100}"), WHERE)).isInstanceOf(BadInput.class)
                .hasMessage(WHERE + "strategy 'best_of_n' takes its settings as a map, e.g. {best_of_n: {n: 4}}; got 100");
        assertThatThrownBy(() -> Strategies.of(yaml("{tree: [4, 2, 3]}"), WHERE)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith(WHERE + "strategy 'tree' takes its settings as a map");
        assertThatThrownBy(() -> Strategies.of(yaml("{many_shot: 4}"), WHERE)).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> Strategies.of(yaml("{multi_turn: 10}"), WHERE)).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> Strategies.of(yaml("{system_prompt_extraction: [spe-repeat-above]}"), WHERE))
                .isInstanceOf(BadInput.class).hasMessageContaining("takes its settings as a map");
        assertThatThrownBy(() -> Strategies.of(yaml("{skeleton_key: 2}"), WHERE)).isInstanceOf(BadInput.class)
                .hasMessage(WHERE + "strategy 'skeleton_key' takes no settings; got 2");
    }

    @Test
    void theShapesThatAreSettingsStillWork() {
        assertThat(Strategies.of(yaml("{best_of_n: {n: 4}}"), WHERE).get(0).id()).isEqualTo("best-of-n:4");
        assertThat(Strategies.of(yaml("{best_of_n: null}"), WHERE).get(0).id()).isEqualTo("best-of-n:10");
        assertThat(Strategies.of(yaml("{direct: {}}"), WHERE)).hasSize(1);
        assertThat(Strategies.of(yaml("{template: role-play}"), WHERE).get(0).id()).isEqualTo("template:role-play");
        assertThat(Strategies.of(yaml("{converters: base64}"), WHERE).get(0).id()).isEqualTo("converters:base64");
        assertThat(Strategies.of(yaml("{converters: [base64, rot13]}"), WHERE).get(0).id()).isEqualTo("converters:base64+rot13");
    }

    private static JsonNode yaml(String flow) {
        return StrictYaml.read("value: " + flow, "test.yaml", JsonNode.class).get("value");
    }
}
