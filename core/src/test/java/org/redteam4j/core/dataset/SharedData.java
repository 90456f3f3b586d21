package org.redteam4j.core.dataset;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data under {@code ../shared/data} (never copied into the project). Tests that need it
 * skip with a message when it is absent; CI always has it.
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
        assumeTrue(Files.isRegularFile(file), () -> "SKIPPED: shared test data " + file + " is absent (CI has it)");
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
