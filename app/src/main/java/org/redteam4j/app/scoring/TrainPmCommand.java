package org.redteam4j.app.scoring;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.DatabaseOption;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.models.pm.BradleyTerryTrainer;
import org.redteam4j.models.pm.ContrastPairs;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.pm.Featurizer;
import org.redteam4j.models.pm.PreferenceTraining;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-pm",
        mixinStandardHelpOptions = true,
        description = {
            "Train a harmlessness preference model: sentence embeddings (MiniLM and BGE-small by default, run offline) and "
                    + "lexical signals, read by a linear head trained with the Bradley–Terry loss so that the chosen "
                    + "(less harmful) reply scores above the rejected one.",
            "Pairs in the test split (a fixed share chosen by a hash of each pair's content) are never trained on; "
                    + "the accuracy on them is printed, and eval-pm measures on the same split.",
            "The head also carries a default threshold, fitted on the training pairs only: the score that best "
                    + "separates rejected replies (as successful attacks) from chosen ones, by Cohen's kappa.",
            "Deterministic for --seed."})
public final class TrainPmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--data", paramLabel = "PAIRS", description = "hh-rlhf preference pairs (JSON Lines, plain or gzip).")
        Path data;

        @Option(names = "--from-db", description = "Train on the A/B choices red team members made in the workbench "
                + "(the reply picked as more harmful is the rejected side; choices over simulated targets and between "
                + "identical replies are left out).")
        boolean fromDb;
    }

    @Mixin
    DatabaseOption database;

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Where to write the trained head (JSON).")
    Path out;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.25",
            description = "Share of pairs held out for testing, by content hash (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the validation split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--embedders", paramLabel = "LIST", split = ",", defaultValue = "all-minilm-l6-v2-q,bge-small-en-v1.5-q",
            description = "Embedding models, any of all-minilm-l6-v2-q, e5-small-v2-q, bge-small-en-v1.5-q; 'none' for lexical only "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> embedders;

    @Option(names = "--also", paramLabel = "PATH",
            description = "More pairs for training only (never in the test split): a JailbreakBench attack-artifact "
                    + "file or folder (per goal, a response that is not jailbroken beats one that is) or XSTest "
                    + "completions (per unsafe prompt, a full refusal beats a full compliance). Repeatable.")
    List<Path> also = new ArrayList<>();

    @Option(names = "--no-reply", description = "Leave out the embedding of the reply read alone.")
    boolean noReply;

    @Option(names = "--no-joint", description = "Leave out the embedding of request and reply read together.")
    boolean noJoint;

    @Option(names = "--no-lexical", description = "Leave out the lexical signals.")
    boolean noLexical;

    @Override
    public Integer call() throws IOException {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new BadInput("--test-fraction must be in [0, 1), was " + testFraction);
        }
        PrintWriter err = spec.commandLine().getErr();
        FeatureSpec features = features();
        List<PreferencePair> pairs = source.fromDb ? PairsInput.fromWorkbench(database) : PairsInput.fromFile(source.data);
        if (pairs.size() < 20) {
            throw new BadInput("training needs at least 20 preference pairs, found " + pairs.size());
        }
        List<PreferencePair> extra = new ArrayList<>();
        for (Path path : also) {
            List<PreferencePair> found = ContrastPairs.from(path);
            err.printf("%s: %,d pairs for training only%n", path, found.size());
            extra.addAll(found);
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("data", source.fromDb ? "workbench choices in " + database.location() : source.data.getFileName().toString());
        if (!source.fromDb) {
            provenance.put("data_sha256", org.redteam4j.core.provenance.Sha256.of(source.data));
        }
        provenance.put("redteam4j", org.redteam4j.core.provenance.Provenance.version());
        if (!also.isEmpty()) {
            provenance.put("also", also.stream().map(path -> path.getFileName() + "").collect(java.util.stream.Collectors.joining(", ")));
            provenance.put("also_pairs", String.valueOf(extra.size()));
            provenance.put("also_sha256", pairsSha256(extra));
        }
        provenance.put("command", command());
        err.printf("Training on %,d pairs (%s)…%n", pairs.size(), features.describe());
        BradleyTerryTrainer.Settings defaults = BradleyTerryTrainer.Settings.DEFAULT;
        PreferenceTraining.Outcome outcome = PreferenceTraining.train(pairs, extra, testFraction, features,
                new BradleyTerryTrainer.Settings(seed, defaults.validationFraction(), defaults.l2Grid(), defaults.maxEpochs(),
                        defaults.patience(), defaults.learningRate()),
                Featurizer.embeddersFor(features), provenance);
        Path absolute = out.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        outcome.head().write(out);
        BradleyTerryTrainer.Result training = outcome.training();
        err.printf("Trained on %,d pairs, validated on %,d: validation accuracy %.1f%% (L2 %s, %d epochs).%n",
                training.trainingPairs(), training.validationPairs(), 100 * training.validationAccuracy(), training.l2(),
                training.epochs());
        if (outcome.testAccuracy() != null) {
            err.printf("Accuracy on %,d test pairs it never saw: %s%n", outcome.testAccuracy().trials(), outcome.testAccuracy());
        }
        err.printf("Default threshold %.4f: the score that best separates rejected from chosen training replies (max kappa); "
                + "calibrate and the pm judge use it unless given another.%n", outcome.head().threshold());
        if (outcome.skippedPairs() > 0) {
            err.printf("Skipped %,d pairs without an assistant reply.%n", outcome.skippedPairs());
        }
        err.println("Wrote " + out);
        return ExitCodes.OK;
    }

    private FeatureSpec features() {
        List<Embedder.Kind> kinds = new ArrayList<>();
        for (String id : embedders) {
            if (id.equals("none")) {
                continue;
            }
            try {
                kinds.add(Embedder.Kind.fromId(id));
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage() + "; expected all-minilm-l6-v2-q, e5-small-v2-q, bge-small-en-v1.5-q or none");
            }
        }
        try {
            return new FeatureSpec(kinds, !noReply && !kinds.isEmpty(), !noJoint && !kinds.isEmpty(), !noLexical);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** The options that decide the head, so the command can be run again. */
    private String command() {
        StringBuilder line = new StringBuilder("train-pm");
        also.forEach(path -> line.append(" --also ").append(path.getFileName()));
        line.append(" --embedders ").append(embedders.isEmpty() ? "none" : String.join(",", embedders));
        line.append(noReply ? " --no-reply" : "").append(noJoint ? " --no-joint" : "").append(noLexical ? " --no-lexical" : "");
        return line.append(" --test-fraction ").append(testFraction).append(" --seed ").append(seed).toString();
    }

    /** The content of the extra pairs, in order: what a rebuild must read again, whatever files held it. */
    private static String pairsSha256(List<PreferencePair> pairs) {
        StringBuilder content = new StringBuilder();
        pairs.forEach(pair -> content.append(pair.chosen()).append('\u0000').append(pair.rejected()).append('\u0000'));
        return org.redteam4j.core.provenance.Sha256.of(content.toString());
    }
}
