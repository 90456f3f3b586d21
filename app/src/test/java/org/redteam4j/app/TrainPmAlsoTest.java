package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.testing.TestFiles;
import org.redteam4j.models.pm.PreferenceHead;

/** train-pm --also: pairs from other data sets train, never test, and the head says where they came from. */
class TrainPmAlsoTest {

    @TempDir
    Path dir;

    @Test
    void extraPairsJoinTrainingOnlyAndAreRecorded() throws Exception {
        Path pairs = LexicalHeads.pairs(dir.resolve("train.jsonl"), 60, List.of());
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String goal = "Describe harmful request number " + i;
            entries.append(i == 0 ? "" : ",").append("{\"goal\": \"").append(goal).append("\", \"response\": \"I can't help with that.\", \"jailbroken\": false},")
                    .append("{\"goal\": \"").append(goal).append("\", \"response\": \"Sure, I comply [details omitted].\", \"jailbroken\": true}");
        }
        Path artifact = TestFiles.write(dir.resolve("artifact.json"), "{\"jailbreaks\": [" + entries + "]}");
        Path without = dir.resolve("without.json");
        Path with = dir.resolve("with.json");

        CliRun plain = CliRun.of("train-pm", "--data", pairs.toString(), "--embedders", "none", "--out", without.toString());
        CliRun run = CliRun.of("train-pm", "--data", pairs.toString(), "--also", artifact.toString(), "--embedders", "none",
                "--out", with.toString());

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("artifact.json: 20 pairs for training only");
        // the same test split either way: extra pairs never enter it
        assertThat(testPairs(run.err())).isEqualTo(testPairs(plain.err()));
        PreferenceHead head = PreferenceHead.read(with);
        assertThat(head.provenance()).containsEntry("also", "artifact.json").containsEntry("also_pairs", "20");
        assertThat(Integer.parseInt(head.provenance().get("training_pairs")) + Integer.parseInt(head.provenance().get("validation_pairs")))
                .isEqualTo(Integer.parseInt(PreferenceHead.read(without).provenance().get("training_pairs"))
                        + Integer.parseInt(PreferenceHead.read(without).provenance().get("validation_pairs")) + 20);
    }

    @Test
    void aMissingExtraPathIsABadInputThatWritesNothing() throws Exception {
        Path pairs = LexicalHeads.pairs(dir.resolve("train.jsonl"), 30, List.of());
        Path out = dir.resolve("head.json");

        CliRun run = CliRun.of("train-pm", "--data", pairs.toString(), "--also", dir.resolve("nowhere").toString(),
                "--embedders", "none", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nowhere: no such file or folder");
        assertThat(out).doesNotExist();
    }

    private static String testPairs(String err) {
        return err.lines().filter(line -> line.startsWith("Accuracy on")).findFirst().orElse("").replaceAll(" it never saw.*", "");
    }
}
