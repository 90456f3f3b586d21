package org.redteam4j.app.scoring;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.analysis.Confusion;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.models.classifier.Example;
import org.redteam4j.models.classifier.JudgeTraining;
import org.redteam4j.models.classifier.Recipe;
import org.redteam4j.models.classifier.TrainingData;
import org.redteam4j.models.classifier.Validation;
import org.redteam4j.models.refusal.KeywordRefusalDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-judge",
        mixinStandardHelpOptions = true,
        description = {
            "Train an offline judge's classifier head: MiniLM embeddings (run offline), lexical signals and the curated "
                    + "refusal phrases, read by an L2 logistic regression.",
            "--task refusal (did the reply refuse?) trains on XSTest's three models' completions (refused = full or "
                    + "partial refusal) and redteam4j's 220 refusal labels of hh-rlhf replies, and validates "
                    + "leave-one-model-out: trained on two XSTest models and our labels, tested on the third.",
            "--task harm (did the reply give the harmful help asked for?) trains on JailbreakBench's attack artifacts "
                    + "(label: jailbroken) and XSTest (harmful = full compliance on an unsafe prompt; replies to safe "
                    + "prompts are negatives), and validates leaving goals out (5 folds grouped by goal).",
            "Each fold chooses the feature design and L2 strength by inner cross-validation on its training replies "
                    + "only (lowest held-out log loss), and its threshold on the same inner folds (max kappa). The head "
                    + "written carries the pooled held-out confusion as its calibration. Deterministic."})
public final class TrainJudgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "refusal or harm.")
    String task;

    @Option(names = "--out", required = true, paramLabel = "HEAD", description = "Where to write the trained head (JSON).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "The data folder: xstest/, jailbreakbench/attack-artifacts/ and hh-rlhf/harmless-base-dev.jsonl.gz "
                    + "inside it (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--validation", paramLabel = "SPLIT",
            description = "For --task harm: goals (5 folds grouped by goal, the default) or methods (each JailbreakBench "
                    + "attack method held out in turn). --task refusal always leaves one XSTest model out.")
    String validation;

    @Option(names = "--explore", description = "Let inner cross-validation choose among more feature designs (the opening's "
            + "embedding, the request+reply window, the reply against the request) instead of the shipped one; slower, and "
            + "what the shipped design was chosen by.")
    boolean explore;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        JudgeCalibration.Task which;
        try {
            which = JudgeCalibration.Task.of(task);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--task: " + e.getMessage());
        }
        if (validation != null && which == JudgeCalibration.Task.REFUSAL) {
            throw new BadInput("--validation is for --task harm; --task refusal always leaves one XSTest model out");
        }
        if (validation == null) {
            validation = "goals";
        }
        if (!validation.equals("goals") && !validation.equals("methods")) {
            throw new BadInput("--validation must be goals or methods, got '" + validation + "'");
        }
        List<Example> examples = new ArrayList<>();
        Recipe recipe;
        if (which == JudgeCalibration.Task.REFUSAL) {
            examples.addAll(TrainingData.xstestRefusals(data.resolve("xstest")));
            examples.addAll(TrainingData.projectLabels(data.resolve("hh-rlhf/harmless-base-dev.jsonl.gz")));
            recipe = Recipe.refusal(Validation.leaveOneModelOut(), explore);
        } else {
            examples.addAll(TrainingData.jailbreakBench(data.resolve("jailbreakbench/attack-artifacts")));
            examples.addAll(TrainingData.xstestHarm(data.resolve("xstest")));
            recipe = Recipe.harm(validation.equals("goals") ? Validation.leaveGoalsOut(5) : Validation.leaveOneMethodOut(), explore);
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("data", which == JudgeCalibration.Task.REFUSAL
                ? "xstest/xstest_v2_completions_*.csv + redteam4j refusal-labels.tsv over hh-rlhf/harmless-base-dev.jsonl.gz"
                : "jailbreakbench/attack-artifacts/**/*.json + xstest/xstest_v2_completions_*.csv");
        provenance.put("examples_sha256", sha256(examples));
        provenance.put("redteam4j", org.redteam4j.core.provenance.Provenance.version());
        provenance.put("command", "train-judge --task " + which.id() + (which == JudgeCalibration.Task.HARM ? " --validation "
                + validation : "") + (explore ? " --explore" : ""));
        long positives = examples.stream().filter(Example::positive).count();
        err.printf("Training the %s classifier on %,d labelled replies (%,d %s), validating %s…%n", which.id(), examples.size(),
                positives, which.positive(), recipe.validation().name());
        long start = System.nanoTime();
        JudgeTraining.Outcome outcome = JudgeTraining.train(recipe, examples, provenance);
        outcome.head().write(out);
        report(err, which, recipe, outcome);
        err.printf("Shipped head: %s, L2 %s, threshold P >= %.3f (inner cross-validation log loss %.4f); %.1f s, %.1f s of it computing features.%n",
                outcome.choice().design().describe(), outcome.choice().l2(), outcome.head().threshold(),
                outcome.choice().innerLogLoss(), (System.nanoTime() - start) / 1e9, outcome.featureSeconds());
        err.println("Wrote " + out);
        return ExitCodes.OK;
    }

    private static void report(PrintWriter err, JudgeCalibration.Task task, Recipe recipe, JudgeTraining.Outcome outcome) {
        String positive = task.positive();
        err.printf("Held out (%s; positive = %s; 95%% intervals):%n", recipe.validation().name(), positive);
        for (JudgeTraining.Fold fold : outcome.folds()) {
            Predicate<Example> in = example -> recipe.validation().outer().apply(example) != null
                    && recipe.validation().outer().apply(example).equals(fold.name());
            err.printf("  %-32s n=%-5d %s%n", fold.name(), fold.heldOut(), HeldOutFigures.line(outcome.confusion(in)));
            err.printf("  %-32s chose %s, L2 %s, P >= %.3f on %,d training replies%n", "", fold.choice().design().describe(),
                    fold.choice().l2(), fold.choice().threshold(), fold.trained());
            if (task == JudgeCalibration.Task.REFUSAL) {
                attackRate(err, outcome, in.and(Example::unsafePrompt), "    attack success on its unsafe prompts");
            }
        }
        Confusion pooled = outcome.confusion(example -> true);
        err.printf("  %-32s n=%-5d %s%n", "pooled", pooled.total(), HeldOutFigures.line(pooled));
        if (task == JudgeCalibration.Task.REFUSAL) {
            attackRate(err, outcome, Example::unsafePrompt, "    attack success on unsafe prompts, pooled");
        } else {
            err.println("By source (held-out predictions of every fold):");
            for (String source : outcome.heldOutSources()) {
                Confusion c = outcome.confusion(example -> example.source().equals(source));
                err.printf("  %-32s n=%-5d %s%n", source, c.total(), HeldOutFigures.line(c));
            }
            Confusion jailbreaks = outcome.confusion(example -> example.source().startsWith("jailbreakbench/"));
            err.printf("  %-32s n=%-5d %s%n", "JailbreakBench, pooled", jailbreaks.total(), HeldOutFigures.line(jailbreaks));
            Confusion unsafe = outcome.confusion(recipe.calibrated());
            err.printf("  %-32s n=%-5d %s%n", "unsafe prompts (calibration)", unsafe.total(), HeldOutFigures.line(unsafe));
        }
        if (task == JudgeCalibration.Task.REFUSAL) {
            keyword(err, task, outcome, example -> true, "the same held-out replies");
        } else {
            keyword(err, task, outcome, example -> example.source().startsWith("jailbreakbench/"), "the same JailbreakBench replies");
            keyword(err, task, outcome, recipe.calibrated(), "the same replies to unsafe prompts");
        }
        err.printf("Calibration in the head: %s.%n", recipe.calibration());
    }

    /**
     * The keyword judge (no training) on the same held-out replies: the comparator. On the harm task
     * it calls a reply harmful when it contains no refusal phrase, as the keyword judge's hit does.
     */
    private static void keyword(PrintWriter err, JudgeCalibration.Task task, JudgeTraining.Outcome outcome, Predicate<Example> filter,
                                String what) {
        KeywordRefusalDetector keyword = KeywordRefusalDetector.shipped();
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < outcome.examples().size(); i++) {
            Example example = outcome.examples().get(i);
            if (outcome.heldOut()[i] == null || !filter.test(example)) {
                continue;
            }
            boolean refuses = keyword.detect(java.util.List.of(), example.reply()).refuses();
            boolean said = task == JudgeCalibration.Task.REFUSAL ? refuses : !refuses;
            if (said && example.positive()) {
                tp++;
            } else if (said) {
                fp++;
            } else if (example.positive()) {
                fn++;
            } else {
                tn++;
            }
        }
        Confusion c = new Confusion(tp, fp, fn, tn);
        err.printf("The keyword judge on %s:%n  %-32s n=%-5d %s%n", what, "keyword (phrase list, untrained)", c.total(),
                HeldOutFigures.line(c));
    }

    /** The attack-success rate the judge would report (not refused) against the people's, on the same replies. */
    private static void attackRate(PrintWriter err, JudgeTraining.Outcome outcome, Predicate<Example> filter, String label) {
        Confusion c = outcome.confusion(filter);
        if (c.total() == 0) {
            return;
        }
        long judged = c.falseNegatives() + c.trueNegatives();
        long people = c.falsePositives() + c.trueNegatives();
        err.printf("%s (n=%d): judge %s, people %s%n", label, c.total(), HeldOutFigures.share(judged, c.total()),
                HeldOutFigures.share(people, c.total()));
    }

    /** What a rebuild must read again: every request, reply, label and source in order. */
    private static String sha256(List<Example> examples) {
        StringBuilder content = new StringBuilder();
        for (Example example : examples) {
            content.append(example.request()).append('\u0000').append(example.reply()).append('\u0000')
                    .append(example.positive()).append('\u0000').append(example.source()).append('\u0000');
        }
        return org.redteam4j.core.provenance.Sha256.of(content.toString());
    }
}
