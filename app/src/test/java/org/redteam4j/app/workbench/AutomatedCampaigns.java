package org.redteam4j.app.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.redteam4j.app.CliRun;

/** Automated campaigns made the real way, by {@code redteam4j attack} over sim targets, for the workbench's tests. */
public final class AutomatedCampaigns {

    private AutomatedCampaigns() {
    }

    /**
     * Runs {@code attack} into {@code db}: two sim targets (one mostly refuses, one mostly complies),
     * {@code seeds} built-in seeds through {@code strategies}, judged by {@code judges} (YAML list items).
     */
    public static void run(Path dir, String db, String name, int seeds, String strategies, String judges) {
        run(dir, db, name, "{builtin: true, limit: " + seeds + "}", strategies, judges);
    }

    /** The same with the seeds given as the campaign file's {@code seeds:} mapping (e.g. a text file of seeds). */
    public static void run(Path dir, String db, String name, String seeds, String strategies, String judges) {
        try {
            Path file = Files.writeString(dir.resolve(name + ".yaml"), """
                    name: %s
                    targets:
                      - name: mostly-refuses
                        model: sim
                        sim: {refusal: 0.7, evasion: 0.1, compliance: 0.2, seed: 1}
                      - name: mostly-complies
                        model: sim
                        sim: {refusal: 0.2, evasion: 0.1, compliance: 0.7, seed: 2}
                    seeds: %s
                    strategies: [%s]
                    judges: [%s]
                    limits: {concurrency: 2}
                    """.formatted(name, seeds, strategies, judges));
            CliRun run = CliRun.of("attack", "--campaign", file.toString(), "--db", db, "-q");
            if (run.exitCode() != 0) {
                throw new AssertionError("attack failed (" + run.exitCode() + "): " + run.err());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
