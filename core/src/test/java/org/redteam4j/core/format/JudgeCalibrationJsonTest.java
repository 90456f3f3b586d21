package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.JudgeCalibration;

class JudgeCalibrationJsonTest {

    @Test
    void aRefusalCalibrationMeasuresHitsOnTheNegativeClass() {
        // 90 refusals of which 81 detected; 10 answers of which 8 called answers
        JudgeCalibration refusal = new JudgeCalibration("refusal", JudgeCalibration.Task.REFUSAL, "x.csv", 81, 2, 9, 8);
        assertThat(refusal.trueHits()).isEqualTo(10);
        assertThat(refusal.hitSensitivity()).isEqualTo(0.8);
        assertThat(refusal.hitSpecificity()).isEqualTo(0.9);
        JudgeCalibration harm = new JudgeCalibration("harm", JudgeCalibration.Task.HARM, "x.csv", 81, 2, 9, 8);
        assertThat(harm.hitSensitivity()).isEqualTo(0.9);
        assertThat(harm.hitSpecificity()).isEqualTo(0.8);
    }

    @Test
    void aCalibrationSurvivesItsFile(@TempDir Path dir) throws Exception {
        JudgeCalibration written = new JudgeCalibration("harm:x", JudgeCalibration.Task.HARM, "jbb", 5, 1, 2, 30);
        Path file = dir.resolve("cal.json");
        Files.writeString(file, JudgeCalibrationJson.write(written).toPrettyString());
        assertThat(JudgeCalibrationJson.read(file)).isEqualTo(written);
    }

    @Test
    void aBadCalibrationNamesItsFileAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cal.json");
        Files.writeString(file, "{\"format\":\"" + JudgeCalibrationJson.FORMAT + "\",\"judge\":\"j\",\"task\":\"harm\","
                + "\"data\":\"d\",\"confusion\":{\"tp\":1,\"fp\":\"2\",\"fn\":0,\"tn\":3}}");
        assertThatThrownBy(() -> JudgeCalibrationJson.read(file)).isInstanceOf(BadInput.class)
                .hasMessageContaining("cal.json").hasMessageContaining("confusion.fp");
        Files.writeString(file, "{\"format\":\"other/1\"}");
        assertThatThrownBy(() -> JudgeCalibrationJson.read(file)).isInstanceOf(BadInput.class).hasMessageContaining("format");
        Files.writeString(file, "{");
        assertThatThrownBy(() -> JudgeCalibrationJson.read(file)).isInstanceOf(BadInput.class).hasMessageContaining("invalid JSON");
    }
}
