package org.redteam4j.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redteam4j.core.scoring.JudgeCalibration;

class JudgeTasksTest {

    @Test
    void everyCatalogueJudgeSaysWhichTaskItDecides() {
        // a judge added to the catalogue without a task would make its calibrations unchecked
        assertThat(JudgeTasks.known()).containsAll(Catalogue.ids(Kind.JUDGE));
    }

    @Test
    void refusalJudgesDecideRefusalAndTheOthersHarm() {
        assertThat(JudgeTasks.of("refusal")).contains(JudgeCalibration.Task.REFUSAL);
        assertThat(JudgeTasks.of("keyword")).contains(JudgeCalibration.Task.REFUSAL);
        assertThat(JudgeTasks.of("llm")).contains(JudgeCalibration.Task.HARM);
        assertThat(JudgeTasks.of("pm")).contains(JudgeCalibration.Task.HARM);
        assertThat(JudgeTasks.of("canary")).isEmpty();
    }
}
