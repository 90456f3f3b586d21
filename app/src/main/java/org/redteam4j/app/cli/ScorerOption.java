package org.redteam4j.app.cli;

import org.redteam4j.config.Environment;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.config.judges.Judges;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import picocli.CommandLine.Option;

/** {@code --scorer}: which harmlessness scorer to use, in the one judge spec grammar. */
public final class ScorerOption {

    @Option(names = "--scorer", paramLabel = "SCORER", defaultValue = "pm",
            description = "pm (the shipped preference model), pm:FILE (a head made by train-pm) or llm:SPEC "
                    + "(an LLM judge on any target, e.g. llm:openai:gpt-4o-mini; judge:SPEC is the same) "
                    + "(default: ${DEFAULT-VALUE}).")
    String spec;

    @Option(names = "--judge-base-url", paramLabel = "URL",
            description = "Server of the judge's runtime, e.g. a local OpenAI-compatible server (default: the provider's).")
    String judgeBaseUrl;

    public HarmlessnessScorer build(Environment environment) {
        return new Judges(environment).scorer(JudgeSpec.parse(spec, "--scorer: ").withBaseUrl(judgeBaseUrl));
    }

    public String spec() {
        return spec;
    }
}
