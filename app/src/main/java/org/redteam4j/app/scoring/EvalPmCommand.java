package org.redteam4j.app.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.OutputFile;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.models.pm.PairScores;
import org.redteam4j.models.pm.TrainingPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval-pm",
        mixinStandardHelpOptions = true,
        description = {
            "Measure a preference model's pairwise accuracy — the share of pairs whose chosen reply it scores above "
                    + "the rejected one — with a 95%% Wilson interval, overall and split by whether the chosen reply is "
                    + "shorter (or equal) or longer than the rejected one, in characters of the last assistant reply.",
            "By default only pairs in the model's test split are counted (pairs it never trained on); --all counts every pair."})
public final class EvalPmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "PAIRS", required = true, description = "hh-rlhf preference pairs.")
    Path data;

    @Option(names = "--model", paramLabel = "MODEL", description = "A head made by train-pm (default: the shipped one).")
    Path model;

    @Option(names = "--all", description = "Count every pair, including those the model may have trained on.")
    boolean all;

    @Option(names = "--json", description = "Print {\"pairs\": N, \"accuracy\": A, \"ci95\": [L, H], \"length_split\": {…}} on stdout.")
    boolean json;

    @Option(names = "--pairs-out", paramLabel = "FILE",
            description = "Also write one JSON line per evaluated pair: {\"index\", \"chosen_score\", \"rejected_score\", "
                    + "\"chosen_chars\", \"rejected_chars\"}; index is the pair's 0-based record number in --data.")
    Path pairsOut;

    @Override
    public Integer call() {
        OutputFile out = pairsOut == null ? null : OutputFile.checked("--pairs-out " + pairsOut, pairsOut, data);
        EmbeddedPreferenceModel pm = model == null ? EmbeddedPreferenceModel.loadDefault() : EmbeddedPreferenceModel.load(model);
        double testFraction = all ? 1 : Double.parseDouble(pm.head().provenance().getOrDefault("test_fraction", "1"));
        List<TrainingPair> pairs = new ArrayList<>();
        List<Integer> indices = new ArrayList<>(); // record numbers in the file, counting pairs skipped below
        int outside = 0;
        List<PreferencePair> records = PairsInput.fromFile(data);
        for (int index = 0; index < records.size(); index++) {
            PreferencePair pair = records.get(index);
            TrainingPair usable = TrainingPair.of(pair);
            if (usable == null) {
                continue;
            }
            if (testFraction >= 1 || TrainingPair.inTestSplit(pair, testFraction)) {
                pairs.add(usable);
                indices.add(index);
            } else {
                outside++;
            }
        }
        if (pairs.isEmpty()) {
            throw new BadInput(data + ": no pairs in the model's test split" + (all ? "" : "; use --all to count every pair"));
        }
        PairScores scores = PairScores.of(pm.head(), pm.featurizer(), pairs);
        if (out != null) {
            writePairs(scores, indices, out);
        }
        Proportion accuracy = scores.accuracy();
        Proportion shorter = scores.accuracy(scores::chosenShorterOrEqual);
        Proportion longer = scores.accuracy(pair -> !scores.chosenShorterOrEqual(pair));
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            put(root, accuracy);
            ObjectNode split = root.putObject("length_split");
            put(split, "chosen_shorter_or_equal", shorter);
            put(split, "chosen_longer", longer);
            stdout.println(root);
        } else {
            stdout.printf("%s: pairwise accuracy %s%n", pm.id(), accuracy);
            stdout.printf("  where the chosen reply is shorter or as long: %s%n", text(shorter));
            stdout.printf("  where the chosen reply is longer:             %s%n", text(longer));
            stdout.println("  (length: characters of the last assistant reply; equal lengths count as shorter)");
            if (outside > 0) {
                stdout.printf("(%,d pairs outside the test split were not counted; --all counts them)%n", outside);
            }
        }
        return ExitCodes.OK;
    }

    private void writePairs(PairScores scores, List<Integer> indices, OutputFile file) {
        file.write(stream -> {
            BufferedWriter writer = new BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
            for (int i = 0; i < scores.size(); i++) {
                ObjectNode line = Json.mapper().createObjectNode().put("index", indices.get(i))
                        .put("chosen_score", scores.chosen()[i]).put("rejected_score", scores.rejected()[i])
                        .put("chosen_chars", scores.chosenChars(i)).put("rejected_chars", scores.rejectedChars(i));
                writer.write(line.toString());
                writer.write('\n');
            }
            writer.flush();
            return null;
        });
        spec.commandLine().getErr().printf("Wrote %,d pairs to %s%n", scores.size(), TerminalText.escape(pairsOut.toString()));
    }

    private static String text(Proportion share) {
        return share == null ? "no pairs" : share.toString();
    }

    private static void put(ObjectNode node, String field, Proportion share) {
        if (share == null) {
            node.putNull(field);
        } else {
            put(node.putObject(field), share);
        }
    }

    private static void put(ObjectNode node, Proportion share) {
        node.put("pairs", share.trials());
        node.put("accuracy", share.estimate());
        node.putArray("ci95").add(share.low()).add(share.high());
    }
}
