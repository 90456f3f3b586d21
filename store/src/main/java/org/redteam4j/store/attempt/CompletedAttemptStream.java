package org.redteam4j.store.attempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.redteam4j.core.attempt.ModelType;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.member.RecruitmentSource;

/**
 * Rebuilds hh-rlhf records from the tables with three ordered cursors (attempts, turns, tags)
 * merged by attempt id: constant memory and three queries however many attempts there are.
 * Which attempts: an {@link AttemptSelection}.
 */
final class CompletedAttemptStream {

    private static final String FROM = """
            FROM attempts a
            JOIN targets t ON t.id = a.target_id
            JOIN members m ON m.id = a.member_id
            WHERE\s""";
    private static final String COLUMNS = """
            SELECT a.id, a.status, a.task_description, a.task_description_harmlessness_score, a.rating,
                   a.min_harmlessness_score, a.recruitment_source, a.transcript_preamble, a.tags_present,
                   a.extra_json, t.model_type, t.num_params, t.simulated, COALESCE(m.source_member_id, m.id) AS member_number
            """;
    /**
     * Every turn but a workbench reply still waiting for the member's pick (an abandoned attempt's
     * last turn, say): it has no text yet, and the transcript ends with the message it answers.
     */
    private static final String TURNS = """
            SELECT t.attempt_id, t.speaker, t.text, t.bare_marker FROM turns t
            WHERE NOT EXISTS (SELECT 1 FROM turn_candidates c WHERE c.turn_id = t.id)
               OR EXISTS (SELECT 1 FROM turn_candidates c WHERE c.turn_id = t.id AND c.picked)
            ORDER BY t.attempt_id, t.position""";
    private static final String TAGS = "SELECT attempt_id, tag FROM attempt_tags ORDER BY attempt_id, position";
    private static final int FETCH_SIZE = 1000;

    private final Handle handle;
    private final AttemptSelection selection;
    /** Whether every attempt read has a rating (analyses), or abandoned ones may lack it (exports). */
    private final boolean ratedOnly;

    CompletedAttemptStream(Handle handle, AttemptSelection selection, boolean ratedOnly) {
        this.handle = handle;
        this.selection = selection;
        this.ratedOnly = ratedOnly;
    }

    long count() {
        return bound(handle.createQuery("SELECT COUNT(*) " + FROM + selection.where(ratedOnly))).mapTo(Long.class).one();
    }

    void forEach(Consumer<ExportedAttempt> sink) {
        Query attemptQuery = bound(query(COLUMNS + FROM + selection.where(ratedOnly) + " ORDER BY a.id"));
        try (ResultIterator<AttemptRow> attempts = attemptQuery.map(CompletedAttemptStream::attemptRow).iterator();
             Merger<Turn> turns = new Merger<>(query(TURNS).map(CompletedAttemptStream::turnRow).iterator());
             Merger<String> tags = new Merger<>(query(TAGS).map(CompletedAttemptStream::tagRow).iterator())) {
            while (attempts.hasNext()) {
                AttemptRow row = attempts.next();
                List<Turn> attemptTurns = turns.take(row.id);
                List<String> attemptTags = tags.take(row.id);
                sink.accept(row.toAttempt(attemptTurns, attemptTags));
            }
        }
    }

    private Query query(String sql) {
        return handle.createQuery(sql).setFetchSize(FETCH_SIZE);
    }

    private Query bound(Query query) {
        return selection.campaignId() == null ? query : query.bind("campaign", selection.campaignId());
    }

    private static AttemptRow attemptRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AttemptRow(rs.getLong("id"), "abandoned".equals(rs.getString("status")), rs.getString("task_description"),
                nullableDouble(rs, "task_description_harmlessness_score"), nullableDouble(rs, "rating"),
                nullableDouble(rs, "min_harmlessness_score"), rs.getString("recruitment_source"),
                rs.getString("transcript_preamble"), rs.getBoolean("tags_present"), rs.getString("extra_json"),
                rs.getString("model_type"), rs.getString("num_params"), rs.getBoolean("simulated"), rs.getLong("member_number"));
    }

    private static Keyed<Turn> turnRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Keyed<>(rs.getLong("attempt_id"),
                new Turn(Speaker.fromId(rs.getString("speaker")), rs.getString("text"), rs.getBoolean("bare_marker")));
    }

    private static Keyed<String> tagRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Keyed<>(rs.getLong("attempt_id"), rs.getString("tag"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private record AttemptRow(long id, boolean abandoned, String taskDescription, Double taskScore, Double rating,
                              Double minScore, String recruitmentSource, String preamble, boolean tagged, String extraJson,
                              String modelType, String numParams, boolean simulated, long memberNumber) {

        ExportedAttempt toAttempt(List<Turn> turns, List<String> tags) {
            ModelType type = ModelType.fromLabel(modelType).orElseThrow(() -> new IllegalStateException(
                    "attempt " + id + " has a target with model type '" + modelType + "', which hh-rlhf cannot express"));
            Map<String, JsonNode> extra = new LinkedHashMap<>(AttemptRepository.parseExtra(extraJson));
            if (abandoned) {
                extra.put(AttemptSelection.ABANDONED_FIELD, BooleanNode.TRUE);
            }
            if (simulated) { // DESIGN §5: a sim target's replies are labelled simulated wherever they go
                extra.put(AttemptSelection.SIMULATED_FIELD, BooleanNode.TRUE);
            }
            // an unrated abandoned attempt (exports only) carries 0 in the record, which the writer replaces by null
            return new ExportedAttempt(new RedTeamAttempt(new Transcript(preamble, turns), minScore, numParams, type,
                    rating == null ? 0 : rating, taskDescription, taskScore, memberNumber,
                    RecruitmentSource.isUpworker(recruitmentSource), tagged ? tags : null, extra), rating != null, id);
        }
    }

    private record Keyed<T>(long attemptId, T value) {
    }

    /** Walks an iterator ordered by attempt id, handing out the rows of one attempt at a time. */
    private static final class Merger<T> implements AutoCloseable {

        private final ResultIterator<Keyed<T>> rows;
        private Keyed<T> pending;

        Merger(ResultIterator<Keyed<T>> rows) {
            this.rows = rows;
        }

        List<T> take(long attemptId) {
            List<T> values = new ArrayList<>();
            while (true) {
                if (pending == null) {
                    if (!rows.hasNext()) {
                        return values;
                    }
                    pending = rows.next();
                }
                if (pending.attemptId() > attemptId) {
                    return values;
                }
                if (pending.attemptId() == attemptId) {
                    values.add(pending.value());
                }
                pending = null; // rows of attempts that are not exported are passed over
            }
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
