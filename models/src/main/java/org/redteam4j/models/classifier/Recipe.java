package org.redteam4j.models.classifier;

import java.util.List;
import java.util.function.Predicate;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.FeatureSpec;

/**
 * How one shipped classifier is made: its candidate feature designs (inner cross-validation picks
 * one, with the L2 strength and the threshold), how it is validated, and which held-out replies its
 * shipped calibration counts. The shipped recipes have one design each, the one inner
 * cross-validation chose in every outer fold of an exploration over more ({@code --explore}), and
 * the cheapest to embed where it made no difference, since CI rebuilds both heads.
 *
 * @param designs     candidate features; more than one only when validation should decide
 * @param validation  the outer and inner splits
 * @param calibrated  the held-out replies the shipped calibration counts
 * @param calibration what those replies are, for people reading the calibration
 */
public record Recipe(JudgeCalibration.Task task, List<Design> designs, Validation validation, Predicate<Example> calibrated,
                     String calibration) {

    /** MiniLM only: the reproduction of both heads must fit in CI's budget (README, train-judge). */
    static final List<Embedder.Kind> EMBEDDERS = List.of(Embedder.Kind.MINILM);

    private static final FeatureSpec REPLY = new FeatureSpec(EMBEDDERS, true, false, true);
    private static final FeatureSpec JOINT = new FeatureSpec(EMBEDDERS, false, true, true);
    private static final FeatureSpec BOTH = new FeatureSpec(EMBEDDERS, true, true, true);

    /** The reply read alone, its lexical signals and the refusal phrases. */
    public static final Design REFUSAL = new Design(REPLY, false, false, true);
    /** Request and reply in one window, the reply's opening, its lexical signals and the refusal phrases. */
    public static final Design HARM = new Design(JOINT, true, false, true);

    public Recipe {
        designs = List.copyOf(designs);
    }

    public static Recipe refusal(Validation validation, boolean explore) {
        List<Design> designs = explore ? List.of(REFUSAL, new Design(REPLY, true, false, true), new Design(BOTH, false, false, true))
                : List.of(REFUSAL);
        return new Recipe(JudgeCalibration.Task.REFUSAL, designs, validation, example -> true,
                "held-out replies of XSTest models it never saw (" + validation.name() + ")");
    }

    /**
     * Harm must see the request: whether a reply gives harmful help depends on what was asked. Its
     * calibration counts replies to unsafe prompts only, the replies a campaign's attacks get.
     */
    public static Recipe harm(Validation validation, boolean explore) {
        List<Design> designs = explore ? List.of(HARM, new Design(REPLY, true, true, true), new Design(REPLY, false, true, true))
                : List.of(HARM);
        return new Recipe(JudgeCalibration.Task.HARM, designs, validation, Example::unsafePrompt,
                "held-out replies to unsafe prompts: JailbreakBench attack prompts (labels from JailbreakBench's judge "
                        + "model, not people) and XSTest contrast prompts (people's labels) (" + validation.name() + ")");
    }
}
