package org.redteam4j.app.scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import org.redteam4j.app.UsageException;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import picocli.CommandLine.Option;

/** {@code --scorer}: which harmlessness scorer to use. */
public final class ScorerOption {

    @Option(names = "--scorer", paramLabel = "SCORER", defaultValue = "pm",
            description = "pm (the shipped preference model) or pm:FILE (a head made by train-pm) (default: ${DEFAULT-VALUE}).")
    String spec;

    public HarmlessnessScorer build() {
        return build(spec);
    }

    public static HarmlessnessScorer build(String spec) {
        if (spec.equals("pm")) {
            return EmbeddedPreferenceModel.loadDefault();
        }
        if (spec.startsWith("pm:")) {
            Path file = Path.of(spec.substring(3));
            if (!Files.isRegularFile(file)) {
                throw new UsageException(file + ": no such preference model file");
            }
            return EmbeddedPreferenceModel.load(file);
        }
        throw new UsageException("unknown scorer '" + spec + "'; expected pm or pm:FILE");
    }
}
