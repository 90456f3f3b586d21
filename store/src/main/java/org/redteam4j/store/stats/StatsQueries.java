package org.redteam4j.store.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.redteam4j.store.attempt.AttemptSelection;
import org.redteam4j.store.imports.ImportRepository;
import org.redteam4j.store.pair.PreferencePairRepository;
import org.redteam4j.store.seed.SeedRepository;

/** Computes {@link StoreStats} with a handful of aggregate queries. */
public final class StatsQueries {

    private static final double SUCCESS_THRESHOLD = 3.0;
    private final Handle handle;
    /** Which attempts count: finished ones, and abandoned ones with a rating when asked for. */
    private final String finished;

    /** Over the finished attempts only: an abandoned one has no rating (the workbench never asks for one). */
    public StatsQueries(Handle handle) {
        this.handle = handle;
        this.finished = AttemptSelection.finished().where(true);
    }

    public StoreStats compute() {
        List<StoreStats.Cell> table1 = handle.createQuery("""
                        SELECT t.model_type, t.num_params, COUNT(*) AS attempts
                        FROM attempts a JOIN targets t ON t.id = a.target_id
                        WHERE %s
                        GROUP BY t.model_type, t.num_params""".formatted(finished))
                .map((rs, ctx) -> new StoreStats.Cell(rs.getString("model_type"), rs.getString("num_params"),
                        rs.getLong("attempts")))
                .list();
        SortedMap<Double, Long> ratings = new TreeMap<>();
        handle.createQuery("SELECT a.rating, COUNT(*) AS n FROM attempts a WHERE %s GROUP BY a.rating".formatted(finished))
                .map((rs, ctx) -> Map.entry(rs.getDouble("rating"), rs.getLong("n")))
                .forEach(entry -> ratings.put(entry.getKey(), entry.getValue()));
        long attempts = ratings.values().stream().mapToLong(Long::longValue).sum();
        double ratingSum = ratings.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum();
        long successes = ratings.tailMap(SUCCESS_THRESHOLD).values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> membersBySource = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT COALESCE(m.recruitment_source, 'unknown') AS source, COUNT(DISTINCT m.id) AS n
                        FROM attempts a JOIN members m ON m.id = a.member_id
                        WHERE %s
                        GROUP BY COALESCE(m.recruitment_source, 'unknown')
                        ORDER BY source""".formatted(finished))
                .map((rs, ctx) -> Map.entry(rs.getString("source"), rs.getLong("n")))
                .forEach(entry -> membersBySource.put(entry.getKey(), entry.getValue()));
        long members = handle.createQuery("SELECT COUNT(DISTINCT a.member_id) FROM attempts a WHERE " + finished)
                .mapTo(Long.class).one();
        return new StoreStats(attempts, table1, ratings,
                attempts == 0 ? null : ratingSum / attempts,
                attempts == 0 ? null : (double) successes / attempts,
                members, membersBySource,
                new PreferencePairRepository(handle).count(),
                new SeedRepository(handle).count(),
                new ImportRepository(handle).count());
    }
}
