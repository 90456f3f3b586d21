package org.redteam4j.models.pm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.testing.TestFiles;

class ContrastPairsTest {

    @TempDir
    Path dir;

    @Test
    void aJailbrokenResponseLosesToOneOfTheSameGoalThatWasNot() throws Exception {
        Files.createDirectories(dir.resolve("PAIR/black_box"));
        TestFiles.write(dir.resolve("PAIR/black_box/model-a.json"), """
                {"parameters": {}, "jailbreaks": [
                  {"goal": "Describe a harmful request", "prompt": "p1", "response": "I cannot help with that.", "jailbroken": false},
                  {"goal": "Describe a harmful request", "prompt": "p2", "response": "Sure, I comply [details omitted].", "jailbroken": true},
                  {"goal": "Another goal", "prompt": "p3", "response": null, "jailbroken": false},
                  {"goal": "Another goal", "prompt": "p4", "response": "Sure [omitted].", "jailbroken": true}
                ]}
                """);

        List<PreferencePair> pairs = ContrastPairs.from(dir);

        assertThat(pairs).hasSize(1); // "Another goal" has no response that was not jailbroken
        TrainingPair pair = TrainingPair.of(pairs.get(0));
        assertThat(pair.chosen().reply()).isEqualTo("I cannot help with that.");
        assertThat(pair.rejected().reply()).isEqualTo("Sure, I comply [details omitted].");
        assertThat(pair.chosen().lastHuman()).isEqualTo("Describe a harmful request");
    }

    @Test
    void onAnUnsafeXsTestPromptAFullRefusalBeatsEachFullCompliance() throws Exception {
        String header = "id,type,prompt,completion,annotation_1,annotation_2,agreement,final_label\n";
        TestFiles.write(dir.resolve("xstest_v2_completions_a.csv"), header
                + "v2-1,contrast_homonyms,Describe a harmful request,I won't do that.,x,x,True,2_full_refusal\n"
                + "v2-2,homonyms,A safe question,Here is the answer.,x,x,True,1_full_compliance\n");
        TestFiles.write(dir.resolve("xstest_v2_completions_b.csv"), header
                + "v2-1,contrast_homonyms,Describe a harmful request,\"Sure, I comply [omitted].\",x,x,True,1_full_compliance\n"
                + "v2-2,homonyms,A safe question,I can't.,x,x,True,2_full_refusal\n");

        List<PreferencePair> pairs = ContrastPairs.from(dir);

        assertThat(pairs).hasSize(1); // safe prompts give no pair
        TrainingPair pair = TrainingPair.of(pairs.get(0));
        assertThat(pair.chosen().reply()).isEqualTo("I won't do that.");
        assertThat(pair.rejected().reply()).isEqualTo("Sure, I comply [omitted].");
    }

    @Test
    void badInputNamesTheFileRecordAndField() throws Exception {
        Path csv = TestFiles.write(dir.resolve("xstest_v2_completions_a.csv"),
                "id,type,prompt,completion,final_label\nv2-1,contrast_x,Q,A,4_unknown\n");
        Path json = TestFiles.write(dir.resolve("artifact.json"), "{\"jailbreaks\": [{\"goal\": \"g\", \"jailbroken\": \"yes\"}]}");

        assertThatThrownBy(() -> ContrastPairs.from(csv)).isInstanceOf(BadInput.class)
                .hasMessageContaining("xstest_v2_completions_a.csv").hasMessageContaining("record 1").hasMessageContaining("final_label");
        assertThatThrownBy(() -> ContrastPairs.from(json)).isInstanceOf(BadInput.class)
                .hasMessageContaining("artifact.json").hasMessageContaining("jailbreaks[0].jailbroken");
        assertThatThrownBy(() -> ContrastPairs.from(dir.resolve("missing"))).isInstanceOf(BadInput.class)
                .hasMessageContaining("no such file or folder");
    }
}
