package org.redteam4j.store.workbench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The admins' transcript browser: a campaign's attempts filtered by target, member, status and
 * rating, and one attempt's facts beside its reviews (the turns and candidates come from
 * {@link org.redteam4j.store.attempt.LiveAttemptRepository#load}).
 */
public final class TranscriptQueries {

    /** What to list; a null field does not filter. {@code minRating} keeps attempts rated at least that. */
    public record Filter(Long targetId, Long memberId, String status, Double minRating) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** One attempt in the list. */
    public record Row(long attemptId, String target, String member, String status, Double rating, Instant startedAt,
                      Instant finishedAt, long turns, long reviewsDone) {
    }

    /** The attempt's facts the transcript page shows above its turns. */
    public record Facts(long attemptId, long campaignId, String target, boolean simulated, String member, String status,
                        String taskDescription, Double rating, Instant startedAt, Instant finishedAt, List<String> tags) {
    }

    /** One reviewer's review of the attempt. */
    public record ReviewRow(String reviewer, boolean done, Double rating, List<String> tags, Instant doneAt) {
    }

    /** How many rows a list shows at most: the filters narrow a longer one. */
    public static final int LIST_LIMIT = 500;

    private final Handle handle;

    public TranscriptQueries(Handle handle) {
        this.handle = handle;
    }

    public List<Row> list(long campaignId, Filter filter) {
        StringBuilder where = new StringBuilder("a.campaign_id = :campaign");
        if (filter.targetId() != null) {
            where.append(" AND a.target_id = :target");
        }
        if (filter.memberId() != null) {
            where.append(" AND a.member_id = :member");
        }
        if (filter.status() != null) {
            where.append(" AND a.status = :status");
        }
        if (filter.minRating() != null) {
            where.append(" AND a.rating >= :rating");
        }
        Query query = handle.createQuery("""
                        SELECT a.id, t.spec, m.name, a.status, a.rating, a.created_at, a.finished_at,
                               (SELECT COUNT(*) FROM turns u WHERE u.attempt_id = a.id) AS turns,
                               (SELECT COUNT(*) FROM reviews r WHERE r.attempt_id = a.id AND r.status = 'done') AS reviews
                        FROM attempts a JOIN targets t ON t.id = a.target_id LEFT JOIN members m ON m.id = a.member_id
                        WHERE %s ORDER BY a.id DESC LIMIT :limit""".formatted(where))
                .bind("campaign", campaignId).bind("limit", LIST_LIMIT);
        if (filter.targetId() != null) {
            query.bind("target", filter.targetId());
        }
        if (filter.memberId() != null) {
            query.bind("member", filter.memberId());
        }
        if (filter.status() != null) {
            query.bind("status", filter.status());
        }
        if (filter.minRating() != null) {
            query.bind("rating", filter.minRating());
        }
        return query.map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("spec"), rs.getString("name"),
                        rs.getString("status"), nullableDouble(rs, "rating"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("finished_at")), rs.getLong("turns"), rs.getLong("reviews")))
                .list();
    }

    /** The attempt's facts, if it is a workbench attempt (one of a campaign). */
    public Optional<Facts> facts(long attemptId) {
        List<String> tags = handle.createQuery("SELECT tag FROM attempt_tags WHERE attempt_id = :id ORDER BY position")
                .bind("id", attemptId).mapTo(String.class).list();
        return handle.createQuery("""
                        SELECT a.id, a.campaign_id, t.spec, t.simulated, m.name, a.status, a.task_description, a.rating,
                               a.created_at, a.finished_at
                        FROM attempts a JOIN targets t ON t.id = a.target_id LEFT JOIN members m ON m.id = a.member_id
                        WHERE a.id = :id AND a.campaign_id IS NOT NULL""")
                .bind("id", attemptId)
                .map((rs, ctx) -> new Facts(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("spec"),
                        rs.getBoolean("simulated"), rs.getString("name"), rs.getString("status"),
                        rs.getString("task_description"), nullableDouble(rs, "rating"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("finished_at")), tags))
                .findOne();
    }

    /** The attempt's reviews, done or only assigned, in the order they were assigned. */
    public List<ReviewRow> reviews(long attemptId) {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT rt.review_id, rt.tag FROM review_tags rt JOIN reviews r ON r.id = rt.review_id
                        WHERE r.attempt_id = :id ORDER BY rt.review_id, rt.tag""")
                .bind("id", attemptId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(entry -> tags.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return handle.createQuery("""
                        SELECT r.id, m.name, r.status, r.rating, r.done_at FROM reviews r JOIN members m ON m.id = r.reviewer_id
                        WHERE r.attempt_id = :id ORDER BY r.id""")
                .bind("id", attemptId)
                .map((rs, ctx) -> new ReviewRow(rs.getString("name"), "done".equals(rs.getString("status")),
                        nullableDouble(rs, "rating"), tags.getOrDefault(rs.getLong("id"), List.of()),
                        instant(rs.getTimestamp("done_at"))))
                .list();
    }

    /** The members with an attempt in the campaign (id → name), for the filter. */
    public Map<Long, String> members(long campaignId) {
        Map<Long, String> members = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT DISTINCT m.id, m.name FROM attempts a JOIN members m ON m.id = a.member_id
                        WHERE a.campaign_id = :campaign ORDER BY m.name""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), String.valueOf(rs.getString(2))))
                .forEach(entry -> members.put(entry.getKey(), entry.getValue()));
        return members;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
