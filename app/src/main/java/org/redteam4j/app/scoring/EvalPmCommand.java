package org.redteam4j.app.scoring;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.models.pm.PreferenceTraining;
import org.redteam4j.models.pm.TrainingPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval-pm",
        mixinStandardHelpOptions = true,
        description = {
            "Measure a preference model's pairwise accuracy — the share of pairs whose chosen reply it scores above "
                    + "the rejected one — with a 95%% Wilson interval.",
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

    @Option(names = "--json", description = "Print {\"pairs\": N, \"accuracy\": A, \"ci95\": [L, H]} on stdout.")
    boolean json;

    @Override
    public Integer call() {
        EmbeddedPreferenceModel pm = model == null ? EmbeddedPreferenceModel.loadDefault() : EmbeddedPreferenceModel.load(model);
        double testFraction = all ? 1 : Double.parseDouble(pm.head().provenance().getOrDefault("test_fraction", "1"));
        List<TrainingPair> pairs = new ArrayList<>();
        int outside = 0;
        for (PreferencePair pair : PairsInput.fromFile(data)) {
            TrainingPair usable = TrainingPair.of(pair);
            if (usable == null) {
                continue;
            }
            if (testFraction >= 1 || TrainingPair.inTestSplit(pair, testFraction)) {
                pairs.add(usable);
            } else {
                outside++;
            }
        }
        if (pairs.isEmpty()) {
            throw new BadInput(data + ": no pairs in the model's test split" + (all ? "" : "; use --all to count every pair"));
        }
        Proportion accuracy = PreferenceTraining.accuracy(pm.head(), pm.featurizer(), pairs);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var root = Json.mapper().createObjectNode();
            root.put("pairs", accuracy.trials());
            root.put("accuracy", accuracy.estimate());
            root.putArray("ci95").add(accuracy.low()).add(accuracy.high());
            out.println(root);
        } else {
            out.printf("%s: pairwise accuracy %s%n", pm.id(), accuracy);
            if (outside > 0) {
                out.printf("(%,d pairs outside the test split were not counted; --all counts them)%n", outside);
            }
        }
        return ExitCodes.OK;
    }
}
