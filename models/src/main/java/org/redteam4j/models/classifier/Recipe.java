package org.redteam4j.models.classifier;

import java.util.List;
import java.util.function.Predicate;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.FeatureSpec;

/**
 * How one shipped classifier is made, fixed before any held-out figure was seen: its candidate
 * feature designs (inner cross-validation picks one, with the L2 strength), how it is validated,
 * and which held-out replies its shipped calibration counts.
 *
 * @param designs     candidate features; more than one only when validation should decide
 * @param validation  the outer and inner splits
 * @param calibrated  the held-out replies the shipped calibration counts
 * @param calibration what those replies are, for people reading the calibration
 */
public record Recipe(JudgeCalibration.Task task, List<Design> designs, Validation validation, Predicate<Example> calibrated,
                     String calibration) {

    /** One feature design: the preference model's features, optionally the opening's embedding and the refusal phrases. */
    public record Design(FeatureSpec spec, boolean opening, boolean phrases) {

        public String describe() {
            return ClassifierFeatures.describe(spec, opening, phrases);
        }
    }

    /** MiniLM only: the reproduction of both heads must fit in CI's budget (README, train-judge). */
    static final List<Embedder.Kind> EMBEDDERS = List.of(Embedder.Kind.MINILM);

    public static Recipe refusal(Validation validation, boolean tryJoint) {
        FeatureSpec reply = new FeatureSpec(EMBEDDERS, true, false, true);
        List<Design> designs = new java.util.ArrayList<>(List.of(new Design(reply, false, true), new Design(reply, true, true)));
        if (tryJoint) {
            designs.add(new Design(new FeatureSpec(EMBEDDERS, true, true, true), true, true));
        }
        return new Recipe(JudgeCalibration.Task.REFUSAL, designs, validation, example -> true,
                "held-out replies of XSTest models it never saw (" + validation.name() + ")");
    }

    /**
     * Harm reads request and reply in one window (the request's end, the reply's start): whether a
     * reply gives harmful help depends on what was asked. Its calibration counts replies to unsafe
     * prompts only, the replies a campaign's attacks get.
     */
    public static Recipe harm(Validation validation) {
        FeatureSpec joint = new FeatureSpec(EMBEDDERS, false, true, true);
        return new Recipe(JudgeCalibration.Task.HARM, List.of(new Design(joint, false, true), new Design(joint, true, true)), validation, Example::unsafePrompt,
                "held-out replies to unsafe prompts, JailbreakBench and XSTest (" + validation.name() + ")");
    }
}
