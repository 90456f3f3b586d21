package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;

/** eval-pm's --pairs-out file and its accuracy split by length, on a lexical head (no ONNX). */
class EvalPmPairsOutTest {

    @TempDir
    Path dir;

    /** A record with no assistant turn: not evaluated, but it still takes index 0. */
    private static final PreferencePair NO_REPLY = new PreferencePair("\n\nHuman: Hello?", "\n\nHuman: Hello!");

    @Test
    void writesOneLinePerEvaluatedPairFromWhichThePrintedAccuraciesFollow() throws Exception {
        Path head = LexicalHeads.train(dir);
        Path data = LexicalHeads.pairs(dir.resolve("eval.jsonl"), 30, List.of(NO_REPLY));
        Path out = dir.resolve("pairs.jsonl");

        CliRun run = CliRun.of("eval-pm", "--data", data.toString(), "--model", head.toString(), "--all", "--json",
                "--pairs-out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode printed = Json.mapper().readTree(run.out());
        List<PreferencePair> records = records(data);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(30);
        int right = 0;
        int[] shorter = new int[2]; // right, pairs
        int[] longer = new int[2];
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = Json.mapper().readTree(lines.get(i));
            assertThat(line.fieldNames()).toIterable()
                    .containsExactly("index", "chosen_score", "rejected_score", "chosen_chars", "rejected_chars");
            int index = line.get("index").asInt();
            assertThat(index).isEqualTo(i + 1); // the record numbers of the file; record 0 has no reply
            assertThat(line.get("chosen_chars").asInt()).isEqualTo(lastReply(records.get(index).chosen()).length());
            assertThat(line.get("rejected_chars").asInt()).isEqualTo(lastReply(records.get(index).rejected()).length());
            boolean isRight = line.get("chosen_score").asDouble() > line.get("rejected_score").asDouble();
            int[] side = line.get("chosen_chars").asInt() <= line.get("rejected_chars").asInt() ? shorter : longer;
            side[0] += isRight ? 1 : 0;
            side[1]++;
            right += isRight ? 1 : 0;
        }
        assertThat(printed.get("pairs").asInt()).isEqualTo(30);
        assertThat(printed.get("accuracy").asDouble()).isEqualTo(right / 30.0);
        JsonNode split = printed.get("length_split");
        assertThat(split.at("/chosen_shorter_or_equal/pairs").asInt()).isEqualTo(shorter[1]);
        assertThat(split.at("/chosen_shorter_or_equal/accuracy").asDouble()).isEqualTo((double) shorter[0] / shorter[1]);
        assertThat(split.at("/chosen_longer/pairs").asInt()).isEqualTo(longer[1]);
        assertThat(split.at("/chosen_longer/accuracy").asDouble()).isEqualTo((double) longer[0] / longer[1]);
        assertThat(split.at("/chosen_longer/ci95/0").asDouble()).isLessThanOrEqualTo(split.at("/chosen_longer/accuracy").asDouble());
    }

    @Test
    void printsTheLengthSplitAsText() throws Exception {
        Path head = LexicalHeads.train(dir);
        Path data = LexicalHeads.pairs(dir.resolve("eval.jsonl"), 12, List.of());

        CliRun run = CliRun.of("eval-pm", "--data", data.toString(), "--model", head.toString(), "--all");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("pairwise accuracy").contains("where the chosen reply is shorter or as long: ")
                .contains("where the chosen reply is longer:").contains("equal lengths count as shorter");
    }

    @Test
    void aPairsFileInAMissingFolderIsBadInputBeforeAnythingIsScored() throws Exception {
        Path data = LexicalHeads.pairs(dir.resolve("eval.jsonl"), 3, List.of());
        Path out = dir.resolve("no-such-folder").resolve("pairs.jsonl");

        CliRun run = CliRun.of("eval-pm", "--data", data.toString(), "--model", dir.resolve("not-read.json").toString(),
                "--pairs-out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--pairs-out").contains(out.getParent().toString()).contains("does not exist");
    }

    @Test
    void aPairsFileThatIsTheDataFileIsRefusedAndTheDataKept() throws Exception {
        Path data = LexicalHeads.pairs(dir.resolve("eval.jsonl"), 3, List.of());
        String before = java.nio.file.Files.readString(data);

        CliRun run = CliRun.of("eval-pm", "--data", data.toString(), "--model", dir.resolve("not-read.json").toString(),
                "--pairs-out", dir.resolve(".").resolve("eval.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("is an input of this command");
        assertThat(java.nio.file.Files.readString(data)).isEqualTo(before);
    }

    private static List<PreferencePair> records(Path file) {
        List<PreferencePair> records = new ArrayList<>();
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(file)) {
            for (PreferencePair pair = reader.read(); pair != null; pair = reader.read()) {
                records.add(pair);
            }
        }
        return records;
    }

    private static String lastReply(String transcript) {
        List<Turn> turns = Transcript.parse(transcript).turns();
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).isAssistant()) {
                return turns.get(i).text();
            }
        }
        throw new AssertionError("no assistant turn");
    }
}
