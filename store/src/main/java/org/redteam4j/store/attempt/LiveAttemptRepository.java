package org.redteam4j.store.attempt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.scoring.TranscriptScores;

/** Attempts in progress in the workbench: turns, A/B candidates, the member's choices and rating. */
public final class LiveAttemptRepository {

    private final Handle handle;

    public LiveAttemptRepository(Handle handle) {
        this.handle = handle;
    }

    public long start(long campaignId, long targetId, long memberId, String taskDescription, String recruitmentSource) {
        return handle.createUpdate("""
                        INSERT INTO attempts (record_key, campaign_id, target_id, member_id, status, task_description,
                            recruitment_source, created_at)
                        VALUES (:key, :campaign, :target, :member, 'in_progress', :task, :source, :now)""")
                .bind("key", "workbench:" + UUID.randomUUID()).bind("campaign", campaignId).bind("target", targetId)
                .bind("member", memberId).bind("task", taskDescription).bind("source", recruitmentSource)
                .bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<LiveAttempt> load(long attemptId) {
        Optional<Object[]> head = handle.createQuery("""
                        SELECT id, campaign_id, target_id, member_id, status, task_description, rating FROM attempts
                        WHERE id = :id AND campaign_id IS NOT NULL""")
                .bind("id", attemptId)
                .map((rs, ctx) -> {
                    double rating = rs.getDouble("rating");
                    Double r = rs.wasNull() ? null : rating;
                    return new Object[] {rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("target_id"),
                        rs.getLong("member_id"), rs.getString("status"), rs.getString("task_description"), r};
                })
                .findOne();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<LiveAttempt.Candidate>> candidates = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT c.turn_id, c.label, c.text, c.harmlessness_score, c.picked FROM turn_candidates c
                        JOIN turns t ON t.id = c.turn_id WHERE t.attempt_id = :id ORDER BY c.turn_id, c.label""")
                .bind("id", attemptId)
                .map((rs, ctx) -> {
                    long turn = rs.getLong("turn_id");
                    String label = rs.getString("label");
                    String text = rs.getString("text");
                    double score = rs.getDouble("harmlessness_score");
                    Double s = rs.wasNull() ? null : score;
                    return Map.entry(turn, new LiveAttempt.Candidate(label, text, s, rs.getBoolean("picked")));
                })
                .forEach(entry -> candidates.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        List<LiveAttempt.LiveTurn> turns = handle.createQuery(
                        """
                        SELECT id, position, speaker, text, candidate_draws, identical_candidates FROM turns
                        WHERE attempt_id = :id ORDER BY position""")
                .bind("id", attemptId)
                .map((rs, ctx) -> new LiveAttempt.LiveTurn(rs.getLong("id"), rs.getInt("position"), rs.getString("speaker"),
                        rs.getString("text"), candidates.getOrDefault(rs.getLong("id"), List.of()), rs.getInt("candidate_draws"),
                        rs.getBoolean("identical_candidates")))
                .list();
        Object[] h = head.get();
        return Optional.of(new LiveAttempt((Long) h[0], (Long) h[1], (Long) h[2], (Long) h[3], (String) h[4], (String) h[5],
                (Double) h[6], turns));
    }

    public void addHumanTurn(long attemptId, String text) {
        handle.createUpdate("""
                        INSERT INTO turns (attempt_id, position, speaker, text, created_at)
                        VALUES (:attempt, :position, 'human', :text, :now)""")
                .bind("attempt", attemptId).bind("position", nextPosition(attemptId)).bind("text", text)
                .bind("now", Instant.now()).execute();
    }

    /**
     * Stores the member's message and the candidates drawn for it, only if the attempt is still in
     * progress with no choice pending (a finish or abandon may have landed while the model ran).
     * False, storing nothing, otherwise.
     */
    public boolean addExchange(long attemptId, String humanText, LiveAttempt.Drawn shown) {
        if (!lockInProgress(attemptId) || choicePending(attemptId)) {
            return false;
        }
        addHumanTurn(attemptId, humanText);
        addCandidates(attemptId, shown);
        return true;
    }

    /** {@link #addExchange(long, String, LiveAttempt.Drawn)} of candidates drawn once, told apart. */
    public boolean addExchange(long attemptId, String humanText, List<LiveAttempt.Candidate> shown) {
        return addExchange(attemptId, humanText, new LiveAttempt.Drawn(shown, 1, false, 0));
    }

    /** Adds the assistant turn that waits for the member's choice, with its candidates (drawn once, told apart). */
    public void addCandidates(long attemptId, List<LiveAttempt.Candidate> shown) {
        addCandidates(attemptId, new LiveAttempt.Drawn(shown, 1, false, 0));
    }

    /** Adds the assistant turn that waits for the member's choice, with its candidates and how they were drawn. */
    public void addCandidates(long attemptId, LiveAttempt.Drawn drawn) {
        long turn = handle.createUpdate("""
                        INSERT INTO turns (attempt_id, position, speaker, text, created_at, candidate_draws, identical_candidates,
                            draw_ms)
                        VALUES (:attempt, :position, 'assistant', '', :now, :draws, :identical, :drawMs)""")
                .bind("attempt", attemptId).bind("position", nextPosition(attemptId)).bind("now", Instant.now())
                .bind("draws", drawn.draws()).bind("identical", drawn.identical()).bind("drawMs", drawn.drawMillis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (LiveAttempt.Candidate candidate : drawn.shown()) {
            handle.createUpdate("""
                            INSERT INTO turn_candidates (turn_id, label, text, harmlessness_score, picked)
                            VALUES (:turn, :label, :text, :score, FALSE)""")
                    .bind("turn", turn).bind("label", candidate.label()).bind("text", candidate.text())
                    .bind("score", candidate.score()).execute();
        }
    }

    /**
     * Records the member's pick for the pending turn: its text becomes the conversation's. False when
     * there is no such label or the turn was picked already (two requests at once pick only once).
     */
    public boolean choose(long turnId, String label) {
        // Lock the turn first: on PostgreSQL (READ COMMITTED) a second pick waits here, and its
        // NOT EXISTS below then sees the first one's pick; unlocked, each would see none and both
        // candidates would be marked. SQLite's transaction holds the write lock from its start.
        handle.createUpdate("UPDATE turns SET text = text WHERE id = :turn").bind("turn", turnId).execute();
        int picked = handle.createUpdate("""
                        UPDATE turn_candidates SET picked = TRUE WHERE turn_id = :turn AND label = :label
                        AND NOT EXISTS (SELECT 1 FROM turn_candidates p WHERE p.turn_id = :turn AND p.picked)""")
                .bind("turn", turnId).bind("label", label).execute();
        if (picked != 1) {
            return false;
        }
        handle.createUpdate("""
                        UPDATE turns SET
                            text = (SELECT text FROM turn_candidates WHERE turn_id = :turn AND label = :label),
                            harmlessness_score = (SELECT harmlessness_score FROM turn_candidates WHERE turn_id = :turn AND label = :label)
                        WHERE id = :turn""")
                .bind("turn", turnId).bind("label", label).execute();
        return true;
    }

    /**
     * Ends the attempt with the member's rating; the transcript minimum is taken over the picked replies' scores.
     * False, changing nothing, unless it is in progress with at least one turn and no choice pending
     * (a send may have stored a new exchange meanwhile).
     */
    public boolean finish(long attemptId, double rating, Double intentScore) {
        if (!lockInProgress(attemptId) || choicePending(attemptId) || nextPosition(attemptId) == 0) {
            return false;
        }
        List<Double> picked = handle.createQuery("""
                        SELECT harmlessness_score FROM turns WHERE attempt_id = :id AND speaker = 'assistant' ORDER BY position""")
                .bind("id", attemptId).mapTo(Double.class).list();
        return handle.createUpdate("""
                        UPDATE attempts SET status = 'complete', rating = :rating, finished_at = :now,
                            task_description_harmlessness_score = :intent, min_harmlessness_score = :minimum
                        WHERE id = :id AND status = 'in_progress'""")
                .bind("rating", rating).bind("now", Instant.now()).bind("intent", intentScore)
                .bind("minimum", TranscriptScores.minimum(picked)).bind("id", attemptId).execute() == 1;
    }

    /**
     * The attempts that count towards the daily cap: those started in the last day, except an
     * abandoned one in which no reply was ever shown (its first model call failed, say).
     */
    public long countedTowardsCap(long memberId, long campaignId, Instant now) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM attempts a WHERE a.member_id = :member AND a.campaign_id = :campaign
                        AND a.created_at >= :since
                        AND (a.status <> 'abandoned' OR EXISTS (SELECT 1 FROM turns t JOIN turn_candidates c ON c.turn_id = t.id
                            WHERE t.attempt_id = a.id))""")
                .bind("member", memberId).bind("campaign", campaignId).bind("since", now.minus(1, ChronoUnit.DAYS))
                .mapTo(Long.class).one();
    }

    /** Ends an attempt in progress as abandoned: kept as a record, never analysed or exported unless asked. */
    public boolean abandon(long attemptId, Instant now) {
        return handle.createUpdate("""
                        UPDATE attempts SET status = 'abandoned', finished_at = :now WHERE id = :id AND status = 'in_progress'""")
                .bind("now", now).bind("id", attemptId).execute() == 1;
    }

    public long finishedInCampaign(long memberId, long campaignId) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM attempts WHERE member_id = :member AND campaign_id = :campaign AND status = 'complete'""")
                .bind("member", memberId).bind("campaign", campaignId).mapTo(Long.class).one();
    }

    /** The member's attempt still in progress in this campaign, if any. */
    public Optional<Long> inProgress(long memberId, long campaignId) {
        return handle.createQuery("""
                        SELECT id FROM attempts WHERE member_id = :member AND campaign_id = :campaign AND status = 'in_progress'
                        ORDER BY id DESC""")
                .bind("member", memberId).bind("campaign", campaignId).mapTo(Long.class).findFirst();
    }

    /** The campaign's target with the fewest attempts so far; ties broken by {@code tieBreak}. */
    public long leastUsedTarget(long campaignId, long tieBreak) {
        List<long[]> counts = handle.createQuery("""
                        SELECT ct.target_id, COUNT(a.id) AS n FROM campaign_targets ct
                        LEFT JOIN attempts a ON a.target_id = ct.target_id AND a.campaign_id = ct.campaign_id
                        WHERE ct.campaign_id = :campaign GROUP BY ct.target_id ORDER BY ct.target_id""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> new long[] {rs.getLong("target_id"), rs.getLong("n")}).list();
        long fewest = counts.stream().mapToLong(c -> c[1]).min().orElseThrow(() ->
                new IllegalStateException("campaign " + campaignId + " has no targets"));
        List<long[]> tied = counts.stream().filter(c -> c[1] == fewest).toList();
        return tied.get((int) Math.floorMod(tieBreak, tied.size()))[0];
    }

    /**
     * The draw times of a campaign's latest assistant turns, per target, newest first: at most
     * {@code perTarget} each. Turns stored before draw times were kept are left out.
     */
    public Map<Long, List<Long>> recentDrawMillis(long campaignId, int perTarget) {
        Map<Long, List<Long>> byTarget = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT a.target_id, t.draw_ms FROM turns t JOIN attempts a ON a.id = t.attempt_id
                        WHERE a.campaign_id = :campaign AND t.draw_ms IS NOT NULL ORDER BY t.id DESC LIMIT :limit""")
                .bind("campaign", campaignId).bind("limit", perTarget * 64)
                .map((rs, ctx) -> Map.entry(rs.getLong("target_id"), rs.getLong("draw_ms")))
                .forEach(entry -> {
                    List<Long> times = byTarget.computeIfAbsent(entry.getKey(), id -> new ArrayList<>());
                    if (times.size() < perTarget) {
                        times.add(entry.getValue());
                    }
                });
        return byTarget;
    }

    /**
     * Locks the attempt's row until the transaction ends, if it is in progress: a no-op update, which
     * on PostgreSQL waits for and then re-reads a concurrent finish, abandon or send (on SQLite the
     * transaction holds the write lock from its start). Later statements of the transaction then see
     * what those committed.
     */
    private boolean lockInProgress(long attemptId) {
        return handle.createUpdate("UPDATE attempts SET status = status WHERE id = :id AND status = 'in_progress'")
                .bind("id", attemptId).execute() == 1;
    }

    /** Whether the attempt's last assistant turn still waits for the member's pick. */
    private boolean choicePending(long attemptId) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM turns t WHERE t.attempt_id = :id AND t.speaker = 'assistant'
                        AND EXISTS (SELECT 1 FROM turn_candidates c WHERE c.turn_id = t.id)
                        AND NOT EXISTS (SELECT 1 FROM turn_candidates c WHERE c.turn_id = t.id AND c.picked)""")
                .bind("id", attemptId).mapTo(Long.class).one() > 0;
    }

    private int nextPosition(long attemptId) {
        return handle.createQuery("SELECT COALESCE(MAX(position) + 1, 0) FROM turns WHERE attempt_id = :id")
                .bind("id", attemptId).mapTo(Integer.class).one();
    }
}
