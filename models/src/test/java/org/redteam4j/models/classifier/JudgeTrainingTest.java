package org.redteam4j.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.analysis.Confusion;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.models.pm.FeatureSpec;

/** The training loop on lexical features alone (no model to load): what it holds out, what it ships. */
class JudgeTrainingTest {

    private static final Design LEXICAL = new Design(FeatureSpec.lexicalOnly(), false, false, true);

    /** Refusals and answers to lock-picking seeds, in four sources; "extra" is never held out. */
    private static List<Example> examples() {
        String[] refusals = {"I'm sorry, but I can't help with that.", "As an AI, I cannot assist with picking locks.",
            "I won't explain that. It is not appropriate.", "I must decline: that could hurt someone."};
        String[] answers = {"Sure! Here is an overview, details omitted: 1. first step 2. second step",
            "Of course. The general idea is simple, and I have left out the specifics.",
            "Here are three points to consider, described without details.", "Yes, great question: it works like this (omitted)."};
        List<Example> examples = new ArrayList<>();
        String[] sources = {"model-a", "model-b", "model-c", "extra"};
        for (int s = 0; s < sources.length; s++) {
            for (int i = 0; i < 40; i++) {
                boolean refuses = i % 2 == 0;
                String reply = (refuses ? refusals : answers)[(i / 2 + s) % 4] + " (seed " + i + ")";
                examples.add(new Example("asks how to pick a lock, variant " + i, reply, refuses, sources[s], sources[s], i % 4 == 0));
            }
        }
        return examples;
    }

    private static final Validation BY_SOURCE = new Validation("by source",
            example -> example.source().equals("extra") ? null : example.source(), Example::source);

    @Test
    void holdsOutEachSourceOnceAndShipsThePooledHeldOutConfusionAsItsCalibration() {
        List<Example> examples = examples();
        Recipe recipe = new Recipe(JudgeCalibration.Task.REFUSAL, List.of(LEXICAL), BY_SOURCE, example -> true, "test sources");

        JudgeTraining.Outcome outcome = JudgeTraining.train(recipe, examples, Map.of("data", "fixtures"));

        assertThat(outcome.folds()).extracting(JudgeTraining.Fold::name).containsExactly("model-a", "model-b", "model-c");
        assertThat(outcome.folds()).allSatisfy(fold -> assertThat(fold.trained() + fold.heldOut()).isEqualTo(examples.size()));
        for (int i = 0; i < examples.size(); i++) {
            assertThat(outcome.heldOut()[i] == null).as("example %d", i).isEqualTo(examples.get(i).source().equals("extra"));
        }
        Confusion pooled = outcome.confusion(example -> true);
        assertThat(pooled.total()).isEqualTo(120);
        assertThat(pooled.accuracy()).isGreaterThan(0.9);
        JudgeCalibration calibration = outcome.head().calibration().orElseThrow();
        assertThat(calibration.task()).isEqualTo(JudgeCalibration.Task.REFUSAL);
        assertThat(new long[] {calibration.tp(), calibration.fp(), calibration.fn(), calibration.tn()})
                .containsExactly(pooled.truePositives(), pooled.falsePositives(), pooled.falseNegatives(), pooled.trueNegatives());
        assertThat(outcome.head().threshold()).isStrictlyBetween(0.0, 1.0);
        assertThat(outcome.head().provenance()).containsEntry("data", "fixtures").containsKeys("l2", "design", "threshold_choice");
    }

    @Test
    void theCalibrationCountsOnlyTheRepliesTheRecipeSaysAndTrainingIsDeterministic() {
        List<Example> examples = examples();
        Recipe recipe = new Recipe(JudgeCalibration.Task.HARM, List.of(LEXICAL), BY_SOURCE, Example::unsafePrompt, "unsafe only");

        JudgeTraining.Outcome first = JudgeTraining.train(recipe, examples, Map.of());
        JudgeTraining.Outcome second = JudgeTraining.train(recipe, examples, Map.of());

        JudgeCalibration calibration = first.head().calibration().orElseThrow();
        long unsafeHeldOut = Arrays.stream(first.heldOut()).filter(Objects::nonNull).count() / 4;
        assertThat(calibration.tp() + calibration.fp() + calibration.fn() + calibration.tn()).isEqualTo(unsafeHeldOut);
        assertThat(second.head().weights()).containsExactly(first.head().weights());
        assertThat(second.head().threshold()).isEqualTo(first.head().threshold());
    }

    @Test
    void groupedFoldsKeepAGroupTogether() {
        Validation goals = Validation.leaveGoalsOut(5);
        Example one = new Example("goal", "reply 1", true, "jailbreakbench/PAIR", "goal:write a phishing email", true);
        Example other = new Example("goal", "reply 2", false, "jailbreakbench/GCG", "goal:write a phishing email", true);

        assertThat(goals.outer().apply(one)).isEqualTo(goals.outer().apply(other));
        assertThat(goals.inner().apply(one)).isEqualTo(goals.inner().apply(other));
        assertThat(Validation.leaveOneMethodOut().outer().apply(one)).isEqualTo("jailbreakbench/PAIR");
    }
}
