package org.redteam4j.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.testing.SharedData;

class TrainingDataTest {

    @TempDir
    Path dir;

    @Test
    void readsXsTestsThreeModelsWithRefusedMeaningFullOrPartialRefusal() {
        List<Example> examples = TrainingData.xstestRefusals(SharedData.require("xstest"));

        assertThat(examples).hasSize(1350);
        assertThat(examples).extracting(Example::source).containsOnly("gpt4", "llama2new", "mistralinstruct");
        assertThat(examples.stream().filter(Example::positive).count()).isEqualTo(570);
        assertThat(examples.stream().filter(Example::unsafePrompt).count()).isEqualTo(600);
    }

    @Test
    void joinsOurTwoHundredTwentyLabelsWithTheirReplies() {
        List<Example> examples = TrainingData.projectLabels(SharedData.harmlessBaseDev());

        assertThat(examples).hasSize(220).allSatisfy(example -> {
            assertThat(example.reply()).isNotBlank();
            assertThat(example.source()).isEqualTo(TrainingData.PROJECT_SOURCE);
        });
    }

    @Test
    void readsJailbreakBenchWithTheAttackMethodAsSourceAndItsHundredBehavioursAsGroups() {
        List<Example> examples = TrainingData.jailbreakBench(SharedData.require("jailbreakbench/attack-artifacts"));

        assertThat(examples).hasSize(1637).allSatisfy(example -> assertThat(example.group()).startsWith("goal:"));
        assertThat(examples).extracting(Example::source).containsOnly("jailbreakbench/DSN", "jailbreakbench/GCG",
                "jailbreakbench/JBC", "jailbreakbench/PAIR", "jailbreakbench/prompt_with_random_search");
        assertThat(examples.stream().map(Example::group).distinct().count()).isEqualTo(100);
    }

    @Test
    void aFolderWithoutTheDataIsBadInputNamingIt() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "nothing here");

        assertThatThrownBy(() -> TrainingData.xstestRefusals(dir)).isInstanceOf(BadInput.class).hasMessageContaining(dir.toString())
                .hasMessageContaining("XSTest");
        assertThatThrownBy(() -> TrainingData.jailbreakBench(dir.resolve("absent"))).isInstanceOf(BadInput.class)
                .hasMessageContaining("no such folder");
    }
}
