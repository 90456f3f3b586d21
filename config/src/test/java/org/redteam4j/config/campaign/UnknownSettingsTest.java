package org.redteam4j.config.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.config.yaml.StrictYaml;
import org.redteam4j.core.failure.BadInput;

/** Issue 15: a misspelt setting inside a strategy or judge was silently the default. */
@Tag("reliability")
class UnknownSettingsTest {

    @Test
    void aMisspeltStrategySettingIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> Strategies.of(yaml("{iterative: {stremas: 3}}"), "campaign.yaml: line 7: "))
                .isInstanceOf(BadInput.class)
                .hasMessage("campaign.yaml: line 7: unknown setting 'stremas' of strategy 'iterative'; expected [depth, streams]");
        assertThatThrownBy(() -> Strategies.of(yaml("{multi_turn: {turns: 3, backtrack: 1}}"), ""))
                .hasMessageContaining("unknown setting 'backtrack' of strategy 'multi_turn'");
        assertThatThrownBy(() -> Strategies.of(yaml("{direct: {}, language: fr}"), ""))
                .hasMessageContaining("unknown key 'language' beside strategy 'direct'");
    }

    @Test
    void knownStrategySettingsStillWork() {
        assertThat(Strategies.of(yaml("{iterative: {streams: 3, depth: 2}}"), "")).hasSize(1);
        assertThat(Strategies.of(yaml("{multi_turn: {turns: 3, backtracks: 1}}"), "")).hasSize(1);
        assertThat(Strategies.of(yaml("direct"), "")).hasSize(1);
    }

    @Test
    void aMisspeltJudgeSettingIsRefused() {
        assertThatThrownBy(() -> JudgeSpec.parse(yaml("{pm: {treshold: 0.4}}"), "campaign.yaml: line 9: "))
                .isInstanceOf(BadInput.class)
                .hasMessage("campaign.yaml: line 9: unknown setting 'treshold' of judge 'pm'; expected [base_url, calibration, file, threshold]");
        assertThatThrownBy(() -> JudgeSpec.parse(yaml("{llm: 'openai:gpt-4o-mini', base: 'http://127.0.0.1:1'}"), ""))
                .hasMessageContaining("unknown setting 'base' of judge 'llm'");
        assertThat(JudgeSpec.parse(yaml("{pm: {threshold: 0.4}}"), "").threshold()).isEqualTo(0.4);
        assertThat(JudgeSpec.parse(yaml("{llm: 'openai:gpt-4o-mini', threshold: 2, base_url: 'http://127.0.0.1:1'}"), "").baseUrl())
                .isEqualTo("http://127.0.0.1:1");
    }

    /** {@code value: ...} read by the files' own strict loader, so the test sees what a campaign file gives. */
    private static JsonNode yaml(String flow) {
        return StrictYaml.read("value: " + flow, "test.yaml", JsonNode.class).get("value");
    }
}
