package org.redteam4j.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.refusal.RefusalPhrases;

class ClassifierHeadTest {

    @TempDir
    Path dir;

    private static ClassifierHead head() {
        Design design = new Design(FeatureSpec.lexicalOnly(), false, false, true);
        int n = design.dimension(RefusalPhrases.shipped());
        double[] weights = new double[n];
        Arrays.fill(weights, 0.25);
        double[] scales = new double[n];
        Arrays.fill(scales, 2);
        return new ClassifierHead(JudgeCalibration.Task.HARM, design, RefusalPhrases.shipped().sha256(), new double[n], scales,
                weights, -0.5, 0.4, Optional.of(new JudgeCalibration("harm", JudgeCalibration.Task.HARM, "held out", 8, 2, 3, 7)),
                Map.of("command", "train-judge --task harm"));
    }

    @Test
    void aWrittenHeadReadsBackWithItsCalibration() throws Exception {
        Path file = dir.resolve("head.json");
        head().write(file);

        ClassifierHead read = ClassifierHead.read(file);

        assertThat(read.task()).isEqualTo(JudgeCalibration.Task.HARM);
        assertThat(read.design()).isEqualTo(head().design());
        assertThat(read.weights()).containsExactly(head().weights());
        assertThat(read.threshold()).isEqualTo(0.4, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(read.calibration()).hasValueSatisfying(c -> assertThat(c.tp() + c.fp() + c.fn() + c.tn()).isEqualTo(20));
        assertThat(read.provenance()).containsEntry("command", "train-judge --task harm");
        double[] features = new double[head().weights().length];
        assertThat(read.probability(features)).isCloseTo(head().probability(features), org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void aFileThatIsNoHeadIsBadInputNamingIt() throws Exception {
        Path file = dir.resolve("pm.json");
        Files.writeString(file, "{\"format\": \"redteam4j-preference-head/2\"}");

        assertThatThrownBy(() -> ClassifierHead.read(file)).isInstanceOf(BadInput.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a classifier head");
    }

    @Test
    void aHeadTrainedOnAnotherPhraseListIsRefused() throws Exception {
        Path file = dir.resolve("old.json");
        head().write(file);
        Files.writeString(file, Files.readString(file).replace(RefusalPhrases.shipped().sha256(), "0".repeat(64)));

        assertThatThrownBy(() -> ClassifierHead.read(file)).isInstanceOf(BadInput.class).hasMessageContaining("phrases_sha256");
    }

    @Test
    void vectorsOfTheWrongLengthAreBadInput() throws Exception {
        Path file = dir.resolve("short.json");
        head().write(file);
        Files.writeString(file, Files.readString(file).replaceFirst("\"weights\" : \\[ ", "\"weights\" : [ 1.0, "));

        assertThatThrownBy(() -> ClassifierHead.read(file)).isInstanceOf(BadInput.class).hasMessageContaining("entries");
    }
}
