package org.redteam4j.store.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.redteam4j.store.attempt.AttemptRepository;

/** The review task: assignment of finished attempts to reviewers, their ratings and tags. */
public final class ReviewRepository {

    /** A review assignment. */
    public record Review(long id, long attemptId, long reviewerId, boolean done) {
    }

    /** The done reviews of one attempt, for agreement statistics. */
    public record Reviewed(long attemptId, List<Double> ratings, List<Set<String>> tags) {
    }

    private final Handle handle;

    public ReviewRepository(Handle handle) {
        this.handle = handle;
    }

    /**
     * The reviewer's open assignment, or a new one: the oldest finished workbench attempt that
     * still needs reviews, that the reviewer has not reviewed and did not write.
     */
    public Optional<Review> nextFor(long reviewerId) {
        Optional<Review> open = handle.createQuery("""
                        SELECT id, attempt_id, reviewer_id FROM reviews
                        WHERE reviewer_id = :reviewer AND status = 'assigned' ORDER BY id""")
                .bind("reviewer", reviewerId)
                .map((rs, ctx) -> new Review(rs.getLong("id"), rs.getLong("attempt_id"), rs.getLong("reviewer_id"), false))
                .findFirst();
        if (open.isPresent()) {
            return open;
        }
        Optional<Long> attempt = handle.createQuery("""
                        SELECT a.id FROM attempts a JOIN campaigns c ON c.id = a.campaign_id
                        WHERE a.status = 'complete' AND a.member_id <> :reviewer
                          AND (SELECT COUNT(*) FROM reviews r WHERE r.attempt_id = a.id) < c.reviews_per_attempt
                          AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.attempt_id = a.id AND r.reviewer_id = :reviewer)
                        ORDER BY a.id""")
                .bind("reviewer", reviewerId).mapTo(Long.class).findFirst();
        return attempt.map(attemptId -> {
            long id = handle.createUpdate("""
                            INSERT INTO reviews (attempt_id, reviewer_id, status, assigned_at)
                            VALUES (:attempt, :reviewer, 'assigned', :now)""")
                    .bind("attempt", attemptId).bind("reviewer", reviewerId).bind("now", Instant.now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Review(id, attemptId, reviewerId, false);
        });
    }

    /**
     * Gives back the reviewer's assignments not yet done (they opted out or were deactivated), so the
     * attempts go to other reviewers; done reviews stay. The number released.
     */
    public int releaseAssigned(long reviewerId) {
        return handle.createUpdate("DELETE FROM reviews WHERE reviewer_id = :reviewer AND status = 'assigned'")
                .bind("reviewer", reviewerId).execute();
    }

    public Optional<Review> byId(long reviewId) {
        return handle.createQuery("SELECT id, attempt_id, reviewer_id, status FROM reviews WHERE id = :id")
                .bind("id", reviewId)
                .map((rs, ctx) -> new Review(rs.getLong("id"), rs.getLong("attempt_id"), rs.getLong("reviewer_id"),
                        "done".equals(rs.getString("status"))))
                .findOne();
    }

    /** Stores the rating and tags, and makes the attempt's tags the union of its reviewers' tags. */
    public void submit(Review review, double rating, List<String> tags) {
        handle.createUpdate("UPDATE reviews SET status = 'done', rating = :rating, done_at = :now WHERE id = :id")
                .bind("rating", rating).bind("now", Instant.now()).bind("id", review.id()).execute();
        for (String tag : new LinkedHashSet<>(tags)) {
            handle.createUpdate("INSERT INTO review_tags (review_id, tag) VALUES (:review, :tag)")
                    .bind("review", review.id()).bind("tag", tag).execute();
        }
        List<String> union = handle.createQuery("""
                        SELECT rt.tag FROM review_tags rt JOIN reviews r ON r.id = rt.review_id
                        WHERE r.attempt_id = :attempt AND r.status = 'done' ORDER BY r.id, rt.tag""")
                .bind("attempt", review.attemptId()).mapTo(String.class).list().stream().distinct().toList();
        new AttemptRepository(handle).replaceTags(review.attemptId(), union);
    }

    /** Done reviews grouped by attempt, in one campaign. */
    public List<Reviewed> doneReviews(long campaignId) {
        Map<Long, List<Object[]>> byAttempt = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT r.id, r.attempt_id, r.rating FROM reviews r JOIN attempts a ON a.id = r.attempt_id
                        WHERE a.campaign_id = :campaign AND r.status = 'done' ORDER BY r.attempt_id, r.id""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> new Object[] {rs.getLong("id"), rs.getLong("attempt_id"), rs.getDouble("rating")})
                .forEach(row -> byAttempt.computeIfAbsent((Long) row[1], id -> new ArrayList<>()).add(row));
        List<Reviewed> reviewed = new ArrayList<>();
        byAttempt.forEach((attempt, rows) -> {
            List<Double> ratings = new ArrayList<>();
            List<Set<String>> tags = new ArrayList<>();
            for (Object[] row : rows) {
                ratings.add((Double) row[2]);
                tags.add(new LinkedHashSet<>(handle.createQuery("SELECT tag FROM review_tags WHERE review_id = :id")
                        .bind("id", (Long) row[0]).mapTo(String.class).list()));
            }
            reviewed.add(new Reviewed(attempt, ratings, tags));
        });
        return reviewed;
    }
}
