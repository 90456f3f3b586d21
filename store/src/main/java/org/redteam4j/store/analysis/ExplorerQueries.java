package org.redteam4j.store.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.format.VerdictJson;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.transcript.JudgedExchange;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.AttemptSelection;

/**
 * What the report's explorer shows from a database: a chosen few of the records {@code analyze}
 * reads — the finished attempts in {@link AnalysisFacts}'s order (so position i is the attack
 * map's point i), then every automated attack that ran, oldest campaign first. Only the positions
 * are listed for all of them; texts are read for the chosen ones, all in one read transaction.
 */
public final class ExplorerQueries {

    /** A record and its position among all of them (attempts from 0, attacks after the attempts). */
    public record Positioned<T>(int position, T record) {
    }

    /** How many records there are of each kind, and the chosen ones in position order. */
    public record Sample(int attempts, int attacks, List<Positioned<ExplorerAttempt>> chosenAttempts,
                         List<Positioned<ExplorerAttack>> chosenAttacks) {
    }

    /** Given how many records there are, the positions to read, ascending. */
    @FunctionalInterface
    public interface Chooser {
        int[] choose(int total);
    }

    /** The same attempts as {@link AnalysisFacts} and the analyses: finished, rated, with their target and member. */
    private static final String ATTEMPTS_FROM = """
            FROM attempts a
            JOIN targets t ON t.id = a.target_id
            JOIN members m ON m.id = a.member_id
            """;
    /** A workbench reply still waiting for the member's pick has no text yet (as in the export's rule). */
    private static final String SHOWN_TURN = """
            (NOT EXISTS (SELECT 1 FROM turn_candidates c WHERE c.turn_id = t.id)
             OR EXISTS (SELECT 1 FROM turn_candidates c WHERE c.turn_id = t.id AND c.picked))""";
    private static final String RAN = "a.status IN ('done', 'error')";
    private static final int BATCH = 500;

    private ExplorerQueries() {
    }

    public static Sample read(Database database, Chooser chooser) {
        return read(database, null, chooser);
    }

    /**
     * The same, over the given attempts ({@link AnalysisFacts#attemptIds()}, in its order), so that
     * position i is the analysed attempt i even if attempts were added or removed since; null: query them.
     * An attempt deleted since is left out of the chosen ones.
     */
    public static Sample read(Database database, List<Long> analysedAttemptIds, Chooser chooser) {
        return database.read(handle -> {
            List<Long> attemptIds = analysedAttemptIds != null ? analysedAttemptIds : handle.createQuery("SELECT a.id "
                    + ATTEMPTS_FROM + "WHERE " + AttemptSelection.finished().where(true) + " ORDER BY a.id").mapTo(Long.class).list();
            // benign prompts (over-refusal) are not attacks: their refusal judge's "hit" means answered, so they stay out
            List<Long> attackIds = handle.createQuery("SELECT a.id FROM attacks a JOIN campaigns c ON c.id = a.campaign_id "
                    + "WHERE c.kind = 'automated' AND " + RAN + " AND NOT a.benign ORDER BY c.id, a.id").mapTo(Long.class).list();
            Map<Long, Integer> attemptPositions = new HashMap<>(); // attempt id → position
            Map<Long, Integer> attackPositions = new HashMap<>();
            for (int position : chooser.choose(attemptIds.size() + attackIds.size())) {
                if (position < attemptIds.size()) {
                    attemptPositions.put(attemptIds.get(position), position);
                } else {
                    attackPositions.put(attackIds.get(position - attemptIds.size()), position);
                }
            }
            List<Positioned<ExplorerAttempt>> attempts = new ArrayList<>();
            for (List<Long> batch : batches(new ArrayList<>(attemptPositions.keySet()))) {
                attempts(handle, batch).forEach((id, attempt) -> attempts.add(new Positioned<>(attemptPositions.get(id), attempt)));
            }
            List<Positioned<ExplorerAttack>> attacks = new ArrayList<>();
            for (List<Long> batch : batches(new ArrayList<>(attackPositions.keySet()))) {
                attacks(handle, batch).forEach((id, attack) -> attacks.add(new Positioned<>(attackPositions.get(id), attack)));
            }
            attempts.sort(java.util.Comparator.comparingInt(Positioned::position));
            attacks.sort(java.util.Comparator.comparingInt(Positioned::position));
            return new Sample(attemptIds.size(), attackIds.size(), attempts, attacks);
        });
    }

    private static List<List<Long>> batches(List<Long> ids) {
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }

    private static Map<Long, ExplorerAttempt> attempts(Handle handle, List<Long> ids) {
        Map<Long, List<ExplorerAttempt.ScoredTurn>> turns = new HashMap<>();
        handle.createQuery("SELECT t.attempt_id, t.speaker, t.text, t.harmlessness_score FROM turns t "
                        + "WHERE t.attempt_id IN (<ids>) AND " + SHOWN_TURN + " ORDER BY t.attempt_id, t.position")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("attempt_id"), new ExplorerAttempt.ScoredTurn(
                        Speaker.fromId(rs.getString("speaker")), rs.getString("text"), nullableDouble(rs, "harmlessness_score"))))
                .forEach(row -> turns.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        Map<Long, List<String>> tags = new HashMap<>();
        handle.createQuery("SELECT attempt_id, tag FROM attempt_tags WHERE attempt_id IN (<ids>) ORDER BY attempt_id, position")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("attempt_id"), rs.getString("tag")))
                .forEach(row -> tags.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        Map<Long, ExplorerAttempt> attempts = new HashMap<>();
        handle.createQuery("""
                        SELECT a.id, a.task_description, a.task_description_harmlessness_score, a.rating, a.min_harmlessness_score,
                            t.model_type, t.num_params, COALESCE(m.source_member_id, m.id) AS member_number
                        """ + ATTEMPTS_FROM + "WHERE a.id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    return Map.entry(id, new ExplorerAttempt(rs.getLong("member_number"), rs.getString("model_type"),
                            rs.getString("num_params"), rs.getDouble("rating"), nullableDouble(rs, "min_harmlessness_score"),
                            nullableDouble(rs, "task_description_harmlessness_score"), rs.getString("task_description"),
                            tags.get(id), turns.getOrDefault(id, List.of())));
                })
                .forEach(row -> attempts.put(row.getKey(), row.getValue()));
        return attempts;
    }

    private static Map<Long, ExplorerAttack> attacks(Handle handle, List<Long> ids) {
        Map<Long, ExplorerAttack> attacks = new HashMap<>();
        handle.createQuery("""
                        SELECT a.id, c.name, a.attack_key, t.spec, t.model_type, t.num_params, a.strategy, a.tag, a.seed_text,
                            a.status, a.prompt, a.reply, a.transcript, a.verdicts_json, a.error
                        FROM attacks a JOIN campaigns c ON c.id = a.campaign_id JOIN targets t ON t.id = a.target_id
                        WHERE a.id IN (<ids>)""")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), attack(rs)))
                .forEach(row -> attacks.put(row.getKey(), row.getValue()));
        return attacks;
    }

    private static ExplorerAttack attack(ResultSet rs) throws SQLException {
        String key = rs.getString("attack_key");
        String json = rs.getString("verdicts_json");
        List<Verdict> verdicts = json == null ? List.of() : VerdictJson.read(json, "attacks row " + key);
        boolean done = "done".equals(rs.getString("status"));
        // what the attack counts as, as AttackResult.outcome() says: the primary (first) judge's, or an error
        String verdict = done && !verdicts.isEmpty() ? ExplorerAttack.verdict(verdicts.get(0).outcome()) : "error";
        List<ExplorerAttempt.ScoredTurn> turns = new ArrayList<>();
        if (done) {
            JudgedExchange exchange = JudgedExchange.of(rs.getString("transcript"), rs.getString("prompt"), rs.getString("reply"));
            for (Turn turn : exchange.before()) {
                turns.add(new ExplorerAttempt.ScoredTurn(turn.speaker(), turn.text(), null));
            }
            turns.add(new ExplorerAttempt.ScoredTurn(Speaker.ASSISTANT, exchange.reply(), null));
        }
        return new ExplorerAttack(rs.getString("name"), key, rs.getString("spec"),
                rs.getString("model_type") + " " + rs.getString("num_params"), rs.getString("strategy"), rs.getString("tag"),
                rs.getString("seed_text"), verdict, verdicts.stream().map(v -> new ExplorerAttack.JudgeVerdict(v.judge(),
                        ExplorerAttack.verdict(v.outcome()), v.outcome().name().toLowerCase(java.util.Locale.ROOT), v.rationale()))
                        .toList(), rs.getString("error"), turns);
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
