package org.redteam4j.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.redteam4j.config.Environment;
import org.redteam4j.config.targets.Target;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.config.targets.TargetsFile;
import org.redteam4j.core.failure.BadInput;
import picocli.CommandLine.Option;

/** Options that pick and shape a target, shared by commands that talk to models. */
public final class TargetOptions {

    @Option(names = "--target", paramLabel = "SPEC", required = true,
            description = "openai:MODEL, anthropic:MODEL, ollama:MODEL, gguf:PATH or sim; "
                    + "with --targets, the name of a declared target (also model: http, an application's own API).")
    String target;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "A YAML file with a 'targets:' list (see README); --target names one of them.")
    Path targetsFile;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Server of an HTTP runtime, e.g. http://127.0.0.1:8000/v1 for vLLM (default: the provider's, "
                    + "or $OPENAI_BASE_URL / $ANTHROPIC_BASE_URL / $OLLAMA_HOST).")
    String baseUrl;

    @Option(names = "--intervention", paramLabel = "NAME",
            description = "none, plain (1-shot), prompted (HHH few-shot) or rejection-sampling (default: none).")
    String intervention;

    @Option(names = "--samples", paramLabel = "K",
            description = "Rejection sampling: replies to draw and rank (default: 16).")
    Integer samples;

    @Option(names = "--size", paramLabel = "LABEL", description = "Size label for reports, e.g. 8B.")
    String size;

    public Target build(Environment environment) {
        return environment.targets().create(config());
    }

    public TargetConfig config() {
        if (targetsFile != null) {
            List<TargetConfig> declared = TargetsFile.read(targetsFile);
            TargetConfig named = TargetsFile.named(declared, target, targetsFile);
            if (baseUrl != null || intervention != null || samples != null || size != null) {
                throw new BadInput("with --targets, set base URL, intervention, samples and size in the file");
            }
            return named;
        }
        if (target.isBlank()) {
            throw new BadInput("--target is empty");
        }
        return new TargetConfig(null, target, baseUrl, null, intervention, samples, size, null, null, null, null, null);
    }
}
