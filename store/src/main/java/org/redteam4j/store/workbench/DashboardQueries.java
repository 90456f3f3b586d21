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
