package org.redteam4j.app.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.config.targets.TargetsFile;
import org.redteam4j.core.failure.BadInput;

/** A campaign's targets as an admin declares them: the targets-file format, pasted into a form. */
final class CampaignTargets {

    private CampaignTargets() {
    }

    /** Parses the declaration and builds each target once, so a mistake shows now rather than at a member's first message. */
    static List<TargetConfig> declared(String yaml, TargetModels models) {
        List<TargetConfig> targets = parse(yaml);
        for (TargetConfig target : targets) {
            try {
                models.check(target);
            } catch (IllegalArgumentException e) {
                throw WorkbenchFailure.invalid(e.getMessage());
            }
        }
        return targets;
    }

    private static List<TargetConfig> parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw WorkbenchFailure.invalid("a campaign needs at least one target");
        }
        try {
            Path file = Files.createTempFile("redteam4j-targets", ".yaml");
            try {
                Files.writeString(file, yaml);
                return TargetsFile.read(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (BadInput e) {
            // the temporary file's name means nothing to the admin who typed the text
            throw WorkbenchFailure.invalid("targets: " + e.getMessage().replaceFirst("^[^:]*\\.yaml: ?", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
