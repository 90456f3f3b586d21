package org.redteam4j.config.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.redteam4j.config.yaml.StrictYaml;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.DataFile;

/** Reads targets declared in YAML: a document with a {@code targets:} list. */
public final class TargetsFile {

    private TargetsFile() {
    }

    /** The document shape: {@code targets: [...]} and nothing else. */
    record Document(@JsonProperty("targets") List<TargetConfig> targets) {
    }

    public static List<TargetConfig> read(Path file) {
        return parse(DataFile.text(file), file.toString());
    }

    /** Targets from YAML text (pasted in the workbench, say); {@code file} names it in errors. */
    public static List<TargetConfig> parse(String yaml, String file) {
        Document document = StrictYaml.read(yaml, file, Document.class);
        List<TargetConfig> targets = document == null || document.targets() == null ? List.of() : document.targets();
        if (targets.isEmpty()) {
            throw new BadInput(file + ": declares no targets (expected a 'targets:' list)");
        }
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) == null || targets.get(i).model() == null) {
                throw new BadInput(file + ": targets[" + i + "]: missing 'model' (e.g. openai:gpt-4o-mini, sim)");
            }
        }
        return targets;
    }

    /** Finds a declared target by name. */
    public static TargetConfig named(List<TargetConfig> targets, String name, Path file) {
        return targets.stream().filter(target -> target.displayName().equals(name)).findFirst()
                .orElseThrow(() -> new BadInput(file + ": no target named '" + name + "'; declared: "
                        + targets.stream().map(TargetConfig::displayName).collect(Collectors.joining(", "))));
    }
}
