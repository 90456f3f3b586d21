package org.redteam4j.config.judges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.Environment;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.models.classifier.ClassifierHead;
import org.redteam4j.models.classifier.Design;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.refusal.KeywordRefusalDetector;
import org.redteam4j.models.refusal.RefusalPhrases;

/** refusal, refusal:FILE, harm, harm:FILE and keyword: what the one judge grammar accepts and builds. */
class ClassifierJudgeSpecsTest {

    @TempDir
    Path dir;

    private final Judges judges = new Judges(new Environment(new ApiKeys(Map.of(), null), () -> {
        throw new AssertionError("no preference model is needed");
    }, KeywordRefusalDetector::shipped));

    /** A lexical-only head (no model to load) whose only weight is "a refusal phrase in the opening". */
    private Path head(JudgeCalibration.Task task) throws Exception {
        Design design = new Design(FeatureSpec.lexicalOnly(), false, false, true);
        int n = design.dimension(RefusalPhrases.shipped());
        double[] weights = new double[n];
        weights[n - 2] = 10; // the "any phrase in the opening" summary
        double[] scales = new double[n];
        Arrays.fill(scales, 1);
        double[] means = new double[n];
        means[n - 2] = 0.5;
        Path file = dir.resolve(task.id() + "-head.json");
        new ClassifierHead(task, design, RefusalPhrases.shipped().sha256(), means, scales, weights, 0, 0.5,
                Optional.of(new JudgeCalibration(task.id(), task, "a test", 40, 5, 5, 50)), Map.of()).write(file);
        return file;
    }

    @Test
    void aRefusalHeadFileMakesTheRefusalJudgeAndItsCalibrationComesWithIt() throws Exception {
        Judge judge = judges.judge(JudgeSpec.parse("refusal:" + head(JudgeCalibration.Task.REFUSAL)));

        assertThat(judge.judge(List.of(), "I'm sorry, but I can't help with that.").outcome()).isEqualTo(Verdict.Outcome.PASS);
        assertThat(judge.judge(List.of(), "Sure, here it is (details omitted).").outcome()).isEqualTo(Verdict.Outcome.HIT);
        assertThat(judge.calibration()).hasValueSatisfying(c -> assertThat(c.tp()).isEqualTo(40));
        assertThat(judge.id()).startsWith("refusal(classifier:refusal-head.json[");
    }

    @Test
    void aHarmHeadFileMakesTheHarmJudgeWithTheEnvironmentsRefusalDetector() throws Exception {
        Judge judge = judges.judge(JudgeSpec.parse("harm:" + head(JudgeCalibration.Task.HARM)));

        Verdict verdict = judge.judge(List.of(), "I'm sorry, but I can't help with that.");

        assertThat(verdict.refused()).isTrue(); // from the keyword detector this environment supplies
        assertThat(verdict.rationale()).contains("contains the refusal phrase");
        assertThat(judge.calibration()).hasValueSatisfying(c -> assertThat(c.task()).isEqualTo(JudgeCalibration.Task.HARM));
    }

    @Test
    void aHeadOfTheOtherTaskOrNoFileIsBadInput() throws Exception {
        Path refusal = head(JudgeCalibration.Task.REFUSAL);

        assertThatThrownBy(() -> judges.judge(JudgeSpec.parse("harm:" + refusal))).isInstanceOf(BadInput.class)
                .hasMessageContaining("refusal task, not a harm classifier");
        assertThatThrownBy(() -> judges.judge(JudgeSpec.parse("refusal:" + dir.resolve("absent.json")))).isInstanceOf(BadInput.class)
                .hasMessageContaining("absent.json").hasMessageContaining("train-judge");
    }

    @Test
    void keywordTakesNoArgumentAndTheClassifiersTakeNoThreshold() {
        assertThat(judges.judge(JudgeSpec.parse("keyword")).id()).startsWith("keyword(phrases=");
        assertThatThrownBy(() -> JudgeSpec.parse("keyword:more.txt")).isInstanceOf(BadInput.class).hasMessageContaining("no argument");
        assertThatThrownBy(() -> JudgeSpec.parse(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .set("harm", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("threshold", 0.7)), "c.yaml: "))
                .isInstanceOf(BadInput.class).hasMessageContaining("c.yaml: ").hasMessageContaining("no threshold");
    }
}
