package org.redteam4j.app.workbench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.config.targets.TargetsFile;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.failure.BadInput;

/** A campaign's targets as an admin declares them: the targets-file format, pasted into a form. */
final class CampaignTargets {

    private CampaignTargets() {
    }

    /** One declared target: what the admin wrote, and the facts the store keeps of it. */
    record Declared(TargetConfig config, TargetFacts facts) {
    }

    /** Parses the declaration and builds each target once, so a mistake shows now rather than at a member's first message. */
    static List<Declared> declared(String yaml, TargetModels models) {
        List<Declared> declared = new ArrayList<>();
        for (TargetConfig target : parse(yaml)) {
            try {
                declared.add(new Declared(target, models.check(target)));
            } catch (BadInput | IllegalArgumentException e) {
                throw WorkbenchFailure.invalid(e.getMessage());
            }
        }
        return declared;
    }

    private static List<TargetConfig> parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw WorkbenchFailure.invalid("a campaign needs at least one target");
        }
        List<TargetConfig> targets;
        try {
            targets = TargetsFile.parse(yaml, "targets");
        } catch (BadInput e) {
            throw WorkbenchFailure.invalid(e.getMessage());
        }
        requireDistinctNames(targets);
        return targets;
    }

    /** A campaign's targets are told apart by name (on the dashboard, in analyses); two of one name would be one target. */
    private static void requireDistinctNames(List<TargetConfig> targets) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            Integer taken = first.putIfAbsent(targets.get(i).displayName(), i);
            if (taken != null) {
                throw WorkbenchFailure.invalid("targets: targets[" + i + "]: the name '" + targets.get(i).displayName()
                        + "' is already used by targets[" + taken + "]; give each target its own name");
            }
        }
    }
}
