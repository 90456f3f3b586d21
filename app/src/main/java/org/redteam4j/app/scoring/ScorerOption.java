package org.redteam4j.app.scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import org.redteam4j.config.targets.Target;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.config.targets.TargetFactory;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.judge.JudgeScorer;
import org.redteam4j.models.judge.LlmJudge;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import picocli.CommandLine.Option;

/** {@code --scorer}: which harmlessness scorer to use. */
public final class ScorerOption {

    @Option(names = "--scorer", paramLabel = "SCORER", defaultValue = "pm",
            description = "pm (the shipped preference model), pm:FILE (a head made by train-pm) or judge:SPEC "
                    + "(an LLM judge on any target, e.g. judge:openai:gpt-4o-mini) (default: ${DEFAULT-VALUE}).")
    String spec;

    @Option(names = "--judge-base-url", paramLabel = "URL",
            description = "Server of the judge's runtime, e.g. a local OpenAI-compatible server (default: the provider's).")
    String judgeBaseUrl;

    public HarmlessnessScorer build() {
        return build(spec, judgeBaseUrl);
    }

    public static HarmlessnessScorer build(String spec) {
        return build(spec, null);
    }

    public static HarmlessnessScorer build(String spec, String judgeBaseUrl) {
        if (spec.equals("pm")) {
            return EmbeddedPreferenceModel.loadDefault();
        }
        if (spec.startsWith("pm:")) {
            Path file = Path.of(spec.substring(3));
            if (!Files.isRegularFile(file)) {
                throw new BadInput(file + ": no such preference model file");
            }
            return EmbeddedPreferenceModel.load(file);
        }
        if (spec.startsWith("judge:")) {
            return new JudgeScorer(judge(spec.substring("judge:".length()), judgeBaseUrl, LlmJudge.DEFAULT_THRESHOLD));
        }
        throw new BadInput("unknown scorer '" + spec + "'; expected pm, pm:FILE or judge:SPEC");
    }

    /** An LLM judge on the target {@code spec} (openai:MODEL, anthropic:MODEL, ollama:MODEL, gguf:PATH). */
    public static LlmJudge judge(String spec, String baseUrl, int threshold) {
        try {
            Target target = new TargetFactory(ApiKeys.fromSystem(), () -> {
                throw new BadInput("a judge target cannot use rejection sampling");
            }).create(TargetConfig.of(null, spec, baseUrl));
            return new LlmJudge(target.model(), threshold);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }
}
