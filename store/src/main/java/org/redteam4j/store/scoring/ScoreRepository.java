package org.redteam4j.store.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Turn;

/** Reads attempts that need scores and writes the scores back. */
public final class ScoreRepository {

    private static final String RATED = "status = 'complete' AND rating IS NOT NULL";

    private final Handle handle;

    public ScoreRepository(Handle handle) {
        this.handle = handle;
    }

    /** How many attempts {@link #nextBatch} would still return. */
    public long countToScore(boolean rescore, String scorer) {
        return handle.createQuery("SELECT COUNT(*) FROM attempts WHERE " + pending(rescore))
                .bind("scorer", scorer).mapTo(Long.class).one();
    }

    /**
     * The next attempts to score, oldest first, after {@code afterId}. Without rescoring these are
     * attempts with no transcript score yet; with it, every attempt not yet scored by this scorer.
     */
    public List<AttemptToScore> nextBatch(long afterId, int limit, boolean rescore, String scorer) {
        return next(afterId, limit, pending(rescore), Map.of("scorer", scorer));
    }

    /** The next finished, rated attempts after {@code afterId}, whatever their scores: what calibration reads. */
    public List<AttemptToScore> nextRated(long afterId, int limit) {
        return next(afterId, limit, RATED, Map.of());
    }

    /** The next finished, rated attempts of one campaign after {@code afterId}: what eval-judge --from-db reads. */
    public List<AttemptToScore> nextRatedInCampaign(long campaignId, long afterId, int limit) {
        return next(afterId, limit, RATED + " AND campaign_id = :campaign", Map.of("campaign", campaignId));
    }

    /** Who made each of these attempts and on what: member name ("(none)" for imported ones), target spec, model type. */
    public Map<Long, Map<String, String>> attemptSources(List<Long> attemptIds) {
        Map<Long, Map<String, String>> sources = new LinkedHashMap<>();
        if (attemptIds.isEmpty()) {
            return sources;
        }
        handle.createQuery("SELECT a.id, m.name AS member, t.spec, t.model_type FROM attempts a "
                        + "JOIN targets t ON t.id = a.target_id LEFT JOIN members m ON m.id = a.member_id "
                        + "WHERE a.id IN (<ids>) ORDER BY a.id")
                .bindList("ids", attemptIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), Map.of(
                        "member", Objects.requireNonNullElse(rs.getString("member"), "(none)"),
                        "target", rs.getString("spec"), "model_type", rs.getString("model_type"))))
                .forEach(entry -> sources.put(entry.getKey(), entry.getValue()));
        return sources;
    }

    /** Each of these rated attempts' self-rating and reviewers' mean rating (NaN when unreviewed): read them in the attempts' transaction. */
    public Map<Long, double[]> humanRatings(List<Long> attemptIds) {
        Map<Long, double[]> all = new LinkedHashMap<>();
        if (attemptIds.isEmpty()) {
            return all;
        }
        handle.createQuery("SELECT a.id, a.rating, AVG(r.rating) AS reviewed FROM attempts a "
                        + "LEFT JOIN reviews r ON r.attempt_id = a.id AND r.status = 'done' AND r.rating IS NOT NULL "
                        + "WHERE a.id IN (<ids>) AND a.rating IS NOT NULL GROUP BY a.id, a.rating ORDER BY a.id")
                .bindList("ids", attemptIds)
                .map((rs, ctx) -> ratingRow(rs))
                .forEach(entry -> all.put(entry.getKey(), entry.getValue()));
        return all;
    }

    /** How many attempts are finished and rated: what calibration reads. */
    public long countRated() {
        return handle.createQuery("SELECT COUNT(*) FROM attempts WHERE " + RATED).mapTo(Long.class).one();
    }

    private List<AttemptToScore> next(long afterId, int limit, String condition, Map<String, Object> bindings) {
        Map<Long, String> tasks = new LinkedHashMap<>();
        Query query = handle.createQuery("SELECT id, task_description FROM attempts WHERE id > :after AND " + condition
                        + " ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit);
        bindings.forEach(query::bind);
        query
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("task_description")))
                .forEach(entry -> tasks.put(entry.getKey(), entry.getValue()));
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Turn>> turns = new LinkedHashMap<>();
        Map<Long, List<Long>> turnIds = new LinkedHashMap<>();
        long first = tasks.keySet().iterator().next();
        long last = new ArrayList<>(tasks.keySet()).get(tasks.size() - 1);
        handle.createQuery("""
                        SELECT id, attempt_id, speaker, text, bare_marker FROM turns
                        WHERE attempt_id BETWEEN :first AND :last ORDER BY attempt_id, position""")
                .bind("first", first).bind("last", last)
                .map((rs, ctx) -> new Object[] {rs.getLong("attempt_id"), rs.getLong("id"),
                    new Turn(Speaker.fromId(rs.getString("speaker")), rs.getString("text"), rs.getBoolean("bare_marker"))})
                .forEach(row -> {
                    long attempt = (Long) row[0];
                    if (tasks.containsKey(attempt)) {
                        turns.computeIfAbsent(attempt, id -> new ArrayList<>()).add((Turn) row[2]);
                        turnIds.computeIfAbsent(attempt, id -> new ArrayList<>()).add((Long) row[1]);
                    }
                });
        List<AttemptToScore> batch = new ArrayList<>(tasks.size());
        tasks.forEach((id, task) -> batch.add(new AttemptToScore(id, task,
                turns.getOrDefault(id, List.of()), turnIds.getOrDefault(id, List.of()))));
        return batch;
    }

    private static Map.Entry<Long, double[]> ratingRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        double rating = rs.getDouble("rating");
        double reviewed = rs.getDouble("reviewed");
        boolean unreviewed = rs.wasNull(); // read right after its column
        return Map.entry(id, new double[] {rating, unreviewed ? Double.NaN : reviewed});
    }

    private static String pending(boolean rescore) {
        return rescore ? "(scored_by IS NULL OR scored_by <> :scorer)"
                : "(min_harmlessness_score IS NULL AND (scored_by IS NULL OR scored_by <> :scorer))";
    }
}
