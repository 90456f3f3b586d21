package org.redteam4j.store.workbench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The admin dashboard's figures for one campaign. */
public final class DashboardQueries {

    /**
     * One target's row: who it is (admins only; {@code spec} is its label, {@code name} or {@code name v2}…),
     * finished attempts, mean rating and mean min-harmlessness.
     */
    public record TargetRow(long targetId, String spec, String modelType, String size, boolean simulated, long attempts,
                            Double meanRating, Double meanMinHarmlessness) {
    }

    /** One time a target did not answer a member: which target, in which attempt, when, and what went wrong. */
    public record FailureRow(String target, long attemptId, Instant failedAt, String message) {
    }

    /**
     * A campaign's progress: attempts by status, and the review queue — reviews done, assigned and
     * not yet done, and still to be assigned (finished attempts short of the campaign's reviews per attempt).
     */
    public record Totals(long finished, long inProgress, long abandoned, long reviewsDone, long reviewsAssigned,
                         long reviewsOutstanding) {
    }

    /**
     * One member's activity in a campaign: attempts by status, the mean of their finished attempts'
     * ratings, their latest attempt, turn or finish, and whether they opted out.
     */
    public record MemberRow(long memberId, String name, long finished, long abandoned, long inProgress, Double meanRating,
                            Instant lastActivity, boolean optedOut) {
    }

    private final Handle handle;

    public DashboardQueries(Handle handle) {
        this.handle = handle;
    }

    public List<TargetRow> targets(long campaignId) {
        return handle.createQuery("""
                        SELECT t.id, t.spec, t.model_type, t.num_params, t.simulated, COUNT(a.id) AS n,
                               AVG(a.rating) AS rating, AVG(a.min_harmlessness_score) AS harmlessness
                        FROM campaign_targets ct JOIN targets t ON t.id = ct.target_id
                        LEFT JOIN attempts a ON a.target_id = t.id AND a.campaign_id = ct.campaign_id AND a.status = 'complete'
                        WHERE ct.campaign_id = :campaign
                        GROUP BY t.id, t.spec, t.model_type, t.num_params, t.simulated ORDER BY t.id""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    String spec = rs.getString("spec");
                    String type = rs.getString("model_type");
                    String size = rs.getString("num_params");
                    boolean simulated = rs.getBoolean("simulated");
                    long n = rs.getLong("n");
                    double rating = rs.getDouble("rating");
                    Double meanRating = rs.wasNull() ? null : rating;
                    double harm = rs.getDouble("harmlessness");
                    Double meanHarm = rs.wasNull() ? null : harm;
                    return new TargetRow(id, spec, type, size, simulated, n, meanRating, meanHarm);
                })
                .list();
    }

    /** Members with an attempt in this campaign in the last 24 hours. */
    public long activeMembers(long campaignId) {
        return handle.createQuery("""
                        SELECT COUNT(DISTINCT member_id) FROM attempts WHERE campaign_id = :campaign AND created_at >= :since""")
                .bind("campaign", campaignId).bind("since", Instant.now().minus(1, ChronoUnit.DAYS))
                .mapTo(Long.class).one();
    }

    public Totals totals(long campaignId) {
        return handle.createQuery("""
                        SELECT (SELECT COUNT(*) FROM attempts WHERE campaign_id = :campaign AND status = 'complete') AS finished,
                               (SELECT COUNT(*) FROM attempts WHERE campaign_id = :campaign AND status = 'in_progress') AS running,
                               (SELECT COUNT(*) FROM attempts WHERE campaign_id = :campaign AND status = 'abandoned') AS abandoned,
                               (SELECT COUNT(*) FROM reviews r JOIN attempts a ON a.id = r.attempt_id
                                    WHERE a.campaign_id = :campaign AND r.status = 'done') AS done,
                               (SELECT COUNT(*) FROM reviews r JOIN attempts a ON a.id = r.attempt_id
                                    WHERE a.campaign_id = :campaign AND r.status = 'assigned') AS assigned,
                               (SELECT COALESCE(SUM(c.reviews_per_attempt - (SELECT COUNT(*) FROM reviews r WHERE r.attempt_id = a.id)), 0)
                                    FROM attempts a JOIN campaigns c ON c.id = a.campaign_id
                                    WHERE a.campaign_id = :campaign AND a.status = 'complete'
                                      AND (SELECT COUNT(*) FROM reviews r WHERE r.attempt_id = a.id) < c.reviews_per_attempt) AS outstanding""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> new Totals(rs.getLong("finished"), rs.getLong("running"), rs.getLong("abandoned"),
                        rs.getLong("done"), rs.getLong("assigned"), rs.getLong("outstanding")))
                .one();
    }

    /** Everyone with an attempt in the campaign, by name; the mean rating is over finished attempts only. */
    public List<MemberRow> members(long campaignId) {
        return handle.createQuery("""
                        SELECT m.id, m.name, m.opted_out,
                               SUM(CASE WHEN a.status = 'complete' THEN 1 ELSE 0 END) AS finished,
                               SUM(CASE WHEN a.status = 'abandoned' THEN 1 ELSE 0 END) AS abandoned,
                               SUM(CASE WHEN a.status = 'in_progress' THEN 1 ELSE 0 END) AS running,
                               AVG(CASE WHEN a.status = 'complete' THEN a.rating END) AS rating,
                               MAX(a.created_at) AS started, MAX(a.finished_at) AS ended, MAX(u.spoke) AS spoke
                        FROM attempts a JOIN members m ON m.id = a.member_id
                        LEFT JOIN (SELECT attempt_id, MAX(created_at) AS spoke FROM turns GROUP BY attempt_id) u
                            ON u.attempt_id = a.id
                        WHERE a.campaign_id = :campaign
                        GROUP BY m.id, m.name, m.opted_out ORDER BY m.name, m.id""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> {
                    double rating = rs.getDouble("rating");
                    Double mean = rs.wasNull() ? null : rating;
                    Instant last = latest(latest(instant(rs.getTimestamp("started")), instant(rs.getTimestamp("ended"))),
                            instant(rs.getTimestamp("spoke")));
                    return new MemberRow(rs.getLong("id"), rs.getString("name"), rs.getLong("finished"), rs.getLong("abandoned"),
                            rs.getLong("running"), mean, last, rs.getBoolean("opted_out"));
                })
                .list();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** How many times the campaign's targets did not answer. */
    public long failureCount(long campaignId) {
        return handle.createQuery("SELECT COUNT(*) FROM target_failures WHERE campaign_id = :campaign")
                .bind("campaign", campaignId).mapTo(Long.class).one();
    }

    /** The latest {@code limit} failures of the campaign's targets, newest first. */
    public List<FailureRow> recentFailures(long campaignId, int limit) {
        return handle.createQuery("""
                        SELECT t.spec, f.attempt_id, f.failed_at, f.message
                        FROM target_failures f JOIN targets t ON t.id = f.target_id
                        WHERE f.campaign_id = :campaign ORDER BY f.failed_at DESC, f.id DESC LIMIT :limit""")
                .bind("campaign", campaignId).bind("limit", limit)
                .map((rs, ctx) -> new FailureRow(rs.getString("spec"), rs.getLong("attempt_id"),
                        rs.getTimestamp("failed_at").toInstant(), rs.getString("message")))
                .list();
    }
}
