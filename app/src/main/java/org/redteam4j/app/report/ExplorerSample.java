package org.redteam4j.app.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.redteam4j.store.analysis.ExplorerQueries.Positioned;

/**
 * A seeded uniform sample of at most {@code limit} records of a stream (reservoir sampling,
 * Algorithm R), kept in stream order. Which positions it keeps depends only on the seed, the limit
 * and how many records were offered — not on what they hold — so a file and the database it was
 * imported into show the same sample, and {@link #positions} can choose before anything is read.
 */
final class ExplorerSample<T> {

    private final int limit;
    private final SplittableRandom random;
    private final List<Positioned<T>> kept = new ArrayList<>();
    private int offered;

    ExplorerSample(int limit, long seed) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        this.limit = limit;
        this.random = new SplittableRandom(seed);
    }

    void offer(T record) {
        if (offered < limit) {
            kept.add(new Positioned<>(offered, record));
        } else if (limit > 0) {
            long slot = random.nextLong(offered + 1L); // each of the offered+1 records so far is kept with chance limit/(offered+1)
            if (slot < limit) {
                kept.set((int) slot, new Positioned<>(offered, record));
            }
        }
        offered++;
    }

    int offered() {
        return offered;
    }

    /** The kept records in the order they were offered. */
    List<Positioned<T>> chosen() {
        List<Positioned<T>> chosen = new ArrayList<>(kept);
        chosen.sort(Comparator.comparingInt(Positioned::position));
        return chosen;
    }

    /** The positions a sample of {@code limit} of {@code total} records keeps, ascending. */
    static int[] positions(int total, int limit, long seed) {
        ExplorerSample<Void> sample = new ExplorerSample<>(limit, seed);
        for (int i = 0; i < total; i++) {
            sample.offer(null);
        }
        return sample.chosen().stream().mapToInt(Positioned::position).toArray();
    }
}
