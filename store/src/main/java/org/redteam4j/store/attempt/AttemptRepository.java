package org.redteam4j.store.attempt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.member.RecruitmentSource;

/** Attempts with their turns and tags. */
public final class AttemptRepository {

    private static final ObjectMapper JSON = Json.mapper();

    private final Handle handle;

    public AttemptRepository(Handle handle) {
        this.handle = handle;
    }

    /**
     * Stores a finished attempt unless one with the same {@code recordKey} exists.
     *
     * @return the new attempt's id, or empty when the key was already stored
     */
    public Optional<Long> insertCompleted(String recordKey, Long importId, long targetId, long memberId,
                                          RedTeamAttempt attempt) {
        Instant now = Instant.now();
        Optional<Long> id = handle.createQuery("""
                        INSERT INTO attempts (record_key, import_id, target_id, member_id, status, task_description,
                            task_description_harmlessness_score, rating, min_harmlessness_score, recruitment_source,
                            transcript_preamble, tags_present, extra_json, created_at, finished_at)
                        VALUES (:key, :import, :target, :member, 'complete', :task, :taskScore, :rating, :minScore,
                            :recruitment, :preamble, :tagged, :extra, :now, :now)
                        ON CONFLICT (record_key) DO NOTHING
                        RETURNING id""")
                .bind("key", recordKey)
                .bind("import", importId)
                .bind("target", targetId)
                .bind("member", memberId)
                .bind("task", attempt.taskDescription())
                .bind("taskScore", attempt.taskDescriptionHarmlessnessScore())
                .bind("rating", attempt.rating())
                .bind("minScore", attempt.minHarmlessnessScore())
                .bind("recruitment", RecruitmentSource.fromIsUpworker(attempt.isUpworker()))
                .bind("preamble", attempt.transcript().preamble())
                .bind("tagged", attempt.isTagged())
                .bind("extra", extraJson(attempt.extraFields()))
                .bind("now", now)
                .mapTo(Long.class)
                .findOne();
        id.ifPresent(attemptId -> {
            insertTurns(attemptId, attempt.transcript().turns(), now);
            if (attempt.isTagged()) {
                insertTags(attemptId, attempt.tags());
            }
        });
        return id;
    }

    private void insertTurns(long attemptId, List<Turn> turns, Instant now) {
        if (turns.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO turns (attempt_id, position, speaker, text, bare_marker, created_at)
                VALUES (:attempt, :position, :speaker, :text, :bare, :now)""");
        for (int position = 0; position < turns.size(); position++) {
            Turn turn = turns.get(position);
            batch.bind("attempt", attemptId)
                    .bind("position", position)
                    .bind("speaker", turn.speaker().id())
                    .bind("text", turn.text())
                    .bind("bare", turn.bareMarker())
                    .bind("now", now)
                    .add();
        }
        batch.execute();
    }

    private void insertTags(long attemptId, List<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO attempt_tags (attempt_id, position, tag) VALUES (:attempt, :position, :tag)");
        for (int position = 0; position < tags.size(); position++) {
            batch.bind("attempt", attemptId).bind("position", position).bind("tag", tags.get(position)).add();
        }
        batch.execute();
    }

    /** Stores per-turn scores (by turn id), the transcript's minimum and the intent score, and which scorer made them. */
    public void saveScores(long attemptId, Map<Long, Double> turnScores, Double minimum, Double intent, String scorer) {
        if (!turnScores.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("UPDATE turns SET harmlessness_score = :score WHERE id = :id");
            turnScores.forEach((id, score) -> batch.bind("score", score).bind("id", id).add());
            batch.execute();
        }
        handle.createUpdate("""
                        UPDATE attempts SET min_harmlessness_score = :minimum,
                            task_description_harmlessness_score = :intent, scored_by = :scorer
                        WHERE id = :id""")
                .bind("minimum", minimum).bind("intent", intent).bind("scorer", scorer).bind("id", attemptId)
                .execute();
    }

    /** Replaces the attempt's tags (reviewers' union), which marks it tagged even when the list is empty. */
    public void replaceTags(long attemptId, List<String> tags) {
        handle.createUpdate("DELETE FROM attempt_tags WHERE attempt_id = :attempt").bind("attempt", attemptId).execute();
        insertTags(attemptId, tags);
        handle.createUpdate("UPDATE attempts SET tags_present = TRUE WHERE id = :attempt").bind("attempt", attemptId).execute();
    }

    /** Streams every finished, rated attempt of a red team member, oldest first, as hh-rlhf records. */
    public void forEachCompleted(Consumer<RedTeamAttempt> sink) {
        forEachRated(AttemptSelection.finished(), sink);
    }

    public long countCompleted() {
        return new CompletedAttemptStream(handle, AttemptSelection.finished(), true).count();
    }

    /** Streams the selected attempts that have a rating (what analyses read), oldest first. */
    public void forEachRated(AttemptSelection selection, Consumer<RedTeamAttempt> sink) {
        new CompletedAttemptStream(handle, selection, true).forEach(exported -> sink.accept(exported.attempt()));
    }

    /** The same, with each attempt's row id. */
    public void forEachRatedWithId(AttemptSelection selection, Consumer<ExportedAttempt> sink) {
        new CompletedAttemptStream(handle, selection, true).forEach(sink);
    }

    /** Streams the selected attempts as exports write them, abandoned ones marked, oldest first. */
    public void forEachExported(AttemptSelection selection, Consumer<ExportedAttempt> sink) {
        new CompletedAttemptStream(handle, selection, false).forEach(sink);
    }

    public long countExported(AttemptSelection selection) {
        return new CompletedAttemptStream(handle, selection, false).count();
    }

    private static String extraJson(Map<String, JsonNode> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        extra.forEach(node::set);
        return node.toString();
    }

    static Map<String, JsonNode> parseExtra(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            JSON.readTree(json).fields().forEachRemaining(entry -> extra.put(entry.getKey(), entry.getValue()));
            return extra;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attempts.extra_json holds invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
