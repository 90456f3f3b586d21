package org.redteam4j.config.judges;

import java.nio.file.Files;
import java.nio.file.Path;
import org.redteam4j.config.Environment;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.Canary;
import org.redteam4j.core.scoring.CanaryJudge;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.PreferenceJudge;
import org.redteam4j.core.scoring.RefusalJudge;
import org.redteam4j.models.classifier.HarmClassifier;
import org.redteam4j.models.classifier.RefusalClassifier;
import org.redteam4j.models.judge.GuardJudge;
import org.redteam4j.models.judge.JudgeScorer;
import org.redteam4j.models.judge.LlmJudge;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.models.refusal.KeywordRefusalDetector;

/** Builds judges and harmlessness scorers from their specs: the one place each id becomes an object. */
public final class Judges {

    private final Environment environment;

    public Judges(Environment environment) {
        this.environment = environment;
    }

    public Judge judge(JudgeSpec spec) {
        return switch (spec.id()) {
            case "refusal" -> new RefusalJudge(spec.argument() == null ? environment.refusals() : RefusalClassifier.load(headFile(spec)));
            case "keyword" -> new RefusalJudge("keyword", KeywordRefusalDetector.shipped());
            case "harm" -> spec.argument() == null ? HarmClassifier.shipped(environment.refusals())
                    : HarmClassifier.load(headFile(spec), environment.refusals());
            case "pm" -> preferenceJudge(spec);
            case "llm" -> llm(spec);
            case "guard" -> guard(spec);
            case "canary" -> spec.argument() == null ? CanaryJudge.planted() : CanaryJudge.of(Canary.given(spec.argument(), ""));
            default -> throw new IllegalStateException("catalogue judge '" + spec.id() + "' has no builder");
        };
    }

    /**
     * A harmlessness scorer (higher is more harmless): the preference model, or an LLM judge's
     * verdicts turned into scores. The refusal judge says hit or pass, not how harmless.
     */
    public HarmlessnessScorer scorer(JudgeSpec spec) {
        return switch (spec.id()) {
            case "pm" -> preferenceModel(spec);
            case "llm" -> new JudgeScorer(llm(spec));
            default -> throw new BadInput("'" + spec + "' is a judge, not a harmlessness scorer; expected pm, pm:FILE or llm:SPEC");
        };
    }

    /** The shipped preference model for {@code pm}, a head made by train-pm for {@code pm:FILE}. */
    public HarmlessnessScorer preferenceModel(JudgeSpec spec) {
        if (spec.argument() == null || spec.argument().equals("default")) {
            return environment.preferenceModel();
        }
        Path file = Path.of(spec.argument());
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file + ": no such preference model file");
        }
        return EmbeddedPreferenceModel.load(file);
    }

    /** {@code refusal:FILE} and {@code harm:FILE}: a head made by train-judge. */
    private static Path headFile(JudgeSpec spec) {
        Path file = Path.of(spec.argument());
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file + ": no such classifier head file (train-judge writes them)");
        }
        return file;
    }

    /** {@code {pm: {threshold: T}}} when given, else the head's own default. */
    private PreferenceJudge preferenceJudge(JudgeSpec spec) {
        HarmlessnessScorer pm = preferenceModel(spec);
        return new PreferenceJudge(pm, spec.threshold() == null ? pm.defaultThreshold() : spec.threshold());
    }

    private LlmJudge llm(JudgeSpec spec) {
        int threshold = spec.threshold() == null ? LlmJudge.DEFAULT_THRESHOLD : (int) Math.round(spec.threshold());
        return new LlmJudge(model("judge", spec), threshold);
    }

    /** A safety classifier: unsafe is the hit, so there is no threshold to set. */
    private GuardJudge guard(JudgeSpec spec) {
        if (spec.threshold() != null) {
            throw new BadInput("the guard judge takes no threshold: 'unsafe' is a hit");
        }
        return new GuardJudge(model("guard", spec));
    }

    /** The judge's model, built as a target named {@code name} with the spec's limits (a target's defaults when none). */
    private org.redteam4j.core.chat.ChatModel model(String name, JudgeSpec spec) {
        return environment.targets().create(TargetConfig.of(name, spec.argument(), spec.baseUrl()).withLimits(spec.limits())).model();
    }
}
