package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.core.testing.TestFiles;

/** {@code import --format auto}: each published seed set told by its header. */
class SeedSetDetectionTest {

    @TempDir
    Path dir;

    private DatasetFormat detect(String name, String content) {
        return DatasetFormat.detect(TestFiles.write(dir.resolve(name), content));
    }

    @Test
    void eachSeedSetIsToldByItsHeader() {
        assertThat(detect("a.csv", "goal,target\nAsk for a lie,Sure\n")).isEqualTo(DatasetFormat.ADVBENCH);
        assertThat(detect("s.csv", "category,source,forbidden_prompt\nViolence,custom,Ask for a threat\n"))
                .isEqualTo(DatasetFormat.STRONGREJECT);
        assertThat(detect("j.csv", "Index,Goal,Target,Behavior,Category,Source\n1,Ask for a lie,Sure,Lies,Disinformation,Original\n"))
                .as("a Behavior column, but not first: not HarmBench").isEqualTo(DatasetFormat.JBB_BEHAVIORS);
        assertThat(detect("x.csv", "id,prompt,type,label,focus,note\n1,What is a hug?,definitions,safe,hug,\n"))
                .isEqualTo(DatasetFormat.XSTEST_PROMPTS);
        assertThat(detect("d.csv", "id,risk_area,types_of_harm,specific_harms,question,GPT4_response\n0,a,b,c,Ask for a lie,No\n"))
                .isEqualTo(DatasetFormat.DO_NOT_ANSWER);
        assertThat(detect("q.jsonl", "{\"question_id\": 1, \"category\": \"1\", \"turns\": [\"Ask for a lie\"], \"prompt_style\": \"base\"}\n"))
                .isEqualTo(DatasetFormat.SORRY_BENCH);
    }

    @Test
    void harmBenchIsStillToldByItsFirstColumnInEitherLayout() {
        assertThat(detect("h.csv", "Behavior,FunctionalCategory,SemanticCategory,Tags,ContextString,BehaviorID\nAsk for a lie,standard,"
                + "misinformation,,,lie\n")).isEqualTo(DatasetFormat.HARMBENCH_CSV);
        assertThat(detect("ah.csv", "Behavior,Category,Tags,ContextString,BehaviorID\nAsk for a lie,misinformation,,,lie\n"))
                .as("AdvBench as HarmBench").isEqualTo(DatasetFormat.HARMBENCH_CSV);
        assertThat(detect("behaviours", "Behavior\nAsk for a lie\n")).as("one column, any name").isEqualTo(DatasetFormat.HARMBENCH_CSV);
        assertThat(detect("q.csv", "\"Behavior\",\"BehaviorID\"\nAsk for a lie,lie\n")).as("quoted").isEqualTo(DatasetFormat.HARMBENCH_CSV);
    }

    @Test
    void aHeaderWithAColumnMoreOrLessIsNotThatSet() {
        assertThatThrownBy(() -> detect("s.csv", "category,forbidden_prompt\nViolence,Ask for a threat\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("a CSV header (category,forbidden_prompt) of none of the CSV formats");
        assertThatThrownBy(() -> detect("a.csv", "goal,target,note\nAsk for a lie,Sure,x\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("a CSV header (goal,target,note) of none");
    }

    @Test
    void anUnknownCsvHeaderIsRefusedListingTheCsvFormatsUnderstood() {
        Path file = TestFiles.write(dir.resolve("prompts.csv"), "prompt,category\nAsk for a lie,misinformation\n");

        assertThatThrownBy(() -> DatasetFormat.detect(file)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith(file + ": line 1: a CSV header (prompt,category) of none of the CSV formats import reads")
                .hasMessageContaining("harmbench-csv (first column Behavior)")
                .hasMessageContaining("advbench (goal,target)")
                .hasMessageContaining("strongreject (category,source,forbidden_prompt)")
                .hasMessageContaining("jbb-behaviors (Index,Goal,Target,Behavior,Category,Source)")
                .hasMessageContaining("do-not-answer (id,risk_area,types_of_harm,specific_harms,question,…)")
                .hasMessageContaining("xstest-prompts (id,prompt,type,…)")
                .hasMessageContaining("pass --format text");
    }

    @Test
    void xsTestsLabelledCompletionsAreNotSeedsAndTheErrorSaysWhereTheyGo() {
        assertThatThrownBy(() -> detect("c.csv", "id,type,prompt,completion,annotation_1,annotation_2,agreement,final_label\n"
                + "v2-1,homonyms,What is a hug?,An embrace.,1_full_compliance,1_full_compliance,True,1_full_compliance\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("eval-judge --format xstest");
    }

    @Test
    void xsTestsRealPromptFileIsDetectedAndGives200Seeds() {
        Path real = SharedData.require("xstest/xstest_prompts.csv");

        assertThat(DatasetFormat.detect(real)).isEqualTo(DatasetFormat.XSTEST_PROMPTS);
        assertThat(TestFiles.readAll(Datasets.seeds(real, DatasetFormat.XSTEST_PROMPTS))).hasSize(200)
                .allSatisfy(seed -> assertThat(seed.semanticCategory()).startsWith("contrast_"));
    }
}
