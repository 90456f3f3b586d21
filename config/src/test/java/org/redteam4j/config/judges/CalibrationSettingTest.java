package org.redteam4j.config.judges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;

class CalibrationSettingTest {

    static JsonNode yaml(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    @Test
    void aJudgeNamesItsCalibrationFileInEitherMapForm() throws Exception {
        assertThat(JudgeSpec.parse(yaml("{\"refusal\": {\"calibration\": \"cal/refusal.json\"}}"), "").calibration())
                .isEqualTo("cal/refusal.json");
        JudgeSpec llm = JudgeSpec.parse(yaml("{\"llm\": \"openai:m\", \"threshold\": 3, \"calibration\": \"llm.json\"}"), "");
        assertThat(llm.calibration()).isEqualTo("llm.json");
        assertThat(llm.argument()).isEqualTo("openai:m");
        assertThat(JudgeSpec.parse("refusal").calibration()).isNull();
    }

    @Test
    void aCalibrationIsAPath() {
        assertThatThrownBy(() -> JudgeSpec.parse(yaml("{\"pm\": {\"calibration\": 3}}"), "c.yaml: line 9: "))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("c.yaml: line 9: ").hasMessageContaining("calibration");
        assertThatThrownBy(() -> JudgeSpec.parse(yaml("{\"pm\": {\"calibraton\": \"x.json\"}}"), ""))
                .isInstanceOf(BadInput.class).hasMessageContaining("unknown setting 'calibraton'").hasMessageContaining("calibration");
    }
}
