package org.redteam4j.app.report;

import java.util.List;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.store.Database;
import org.redteam4j.store.analysis.ExplorerAttack;
import org.redteam4j.store.analysis.ExplorerAttempt;
import org.redteam4j.store.analysis.ExplorerQueries;
import org.redteam4j.store.analysis.ExplorerQueries.Positioned;

/**
 * The records the report's explorer embeds: a uniform sample, seeded by {@code seed}, of at most
 * {@code --explorer-limit} of all the attempts and automated attacks the analysis read (attempts
 * first, in the analysis's order, so an attempt's position is its point on the attack map).
 *
 * @param attempts how many attempts there are in all (the chosen ones are a sample of them)
 * @param attacks  how many automated attacks that ran there are in all
 * @param absence why the page has no records (tables.json input, {@code --explorer-limit 0}); null when it has
 */
record Explorer(int attempts, int attacks, long seed, List<Positioned<ExplorerAttempt>> chosenAttempts,
                List<Positioned<ExplorerAttack>> chosenAttacks, String absence) {

    Explorer {
        chosenAttempts = List.copyOf(chosenAttempts);
        chosenAttacks = List.copyOf(chosenAttacks);
    }

    static Explorer absent(String why) {
        return new Explorer(0, 0, 0, List.of(), List.of(), why);
    }

    /** From the database: the same attempts, in the same order, as the analysis's ({@code attemptIds}, from AnalysisFacts). */
    static Explorer read(Database database, List<Long> attemptIds, int limit, long seed) {
        if (limit == 0) {
            return absent(LEFT_OUT);
        }
        ExplorerQueries.Sample sample = ExplorerQueries.read(database, attemptIds,
                total -> ExplorerSample.positions(total, limit, seed));
        return new Explorer(sample.attempts(), sample.attacks(), seed, sample.chosenAttempts(), sample.chosenAttacks(), null);
    }

    static final String LEFT_OUT = "left out (--explorer-limit 0)";

    int total() {
        return attempts + attacks;
    }

    /** Whether the page embeds records (and so has an explorer that row and chart clicks filter). */
    boolean embedded() {
        return absence == null && total() > 0;
    }

    int shown() {
        return chosenAttempts.size() + chosenAttacks.size();
    }

    /** Collects a file's attempts as they are read, keeping the sample only. */
    static final class FromFile {

        private final ExplorerSample<ExplorerAttempt> sample;
        private final int limit;
        private final long seed;

        FromFile(int limit, long seed) {
            this.sample = new ExplorerSample<>(limit, seed);
            this.limit = limit;
            this.seed = seed;
        }

        void add(RedTeamAttempt attempt) {
            if (limit > 0) {
                sample.offer(ExplorerAttempt.of(attempt));
            }
        }

        Explorer explorer() {
            return limit == 0 ? absent(LEFT_OUT) : new Explorer(sample.offered(), 0, seed, sample.chosen(), List.of(), null);
        }
    }
}
