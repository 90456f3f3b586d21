package org.redteam4j.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data under {@code ../shared/data} (never copied into the project). Tests that need it
 * skip with one line when it is absent, and fail under CI, which always has it.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String configured = System.getProperty("redteam4j.shared.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared");
        return dir.resolve("data");
    }

    public static Path require(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.exists(file)) {
            Requirement.missing("shared test data " + file + " is absent: check out ../shared beside the project");
        }
        return file;
    }

    public static Path redTeamSample() {
        return require("hh-rlhf/red_team_attempts.sample.json");
    }

    public static Path harmlessBaseDev() {
        return require("hh-rlhf/harmless-base-dev.jsonl.gz");
    }

    public static Path harmBenchBehaviors() {
        return require("harmbench/harmbench_behaviors_text_all.csv");
    }
}
