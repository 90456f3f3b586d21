package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.testing.SharedData;

/** Small pair files cut from hh-rlhf dev into a test's folder, and a lexical-only head trained on them: no ONNX, seconds. */
final class LexicalHeads {

    private LexicalHeads() {
    }

    /** The first {@code n} pairs of hh-rlhf harmless-base dev, after {@code before} (written first, in order). */
    static Path pairs(Path file, int n, List<PreferencePair> before) throws Exception {
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(SharedData.harmlessBaseDev());
             BufferedWriter writer = Files.newBufferedWriter(file)) {
            for (PreferencePair pair : before) {
                write(writer, pair);
            }
            for (int i = 0; i < n; i++) {
                write(writer, reader.read());
            }
        }
        return file;
    }

    private static void write(BufferedWriter writer, PreferencePair pair) throws Exception {
        writer.write(Json.mapper().createObjectNode().put("chosen", pair.chosen()).put("rejected", pair.rejected()).toString());
        writer.write('\n');
    }

    /** train-pm on 60 dev pairs with the lexical signals only. */
    static Path train(Path dir) throws Exception {
        Path head = dir.resolve("lexical-head.json");
        CliRun run = CliRun.of("train-pm", "--data", pairs(dir.resolve("train.jsonl"), 60, List.of()).toString(),
                "--embedders", "none", "--out", head.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return head;
    }
}
