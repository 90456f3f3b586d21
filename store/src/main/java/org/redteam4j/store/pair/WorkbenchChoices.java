package org.redteam4j.store.pair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.intervention.Candidates;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.attempt.AttemptSelection;

/**
 * Preference pairs from red team members' choices: at each assistant turn where a member picked
 * the more harmful of the candidates, the picked one is the {@code rejected} side and each
 * candidate not picked is a {@code chosen} side, both after the conversation so far. A candidate
 * with the picked one's text (after trimming), and every candidate of a turn the workbench marked
 * identical, is no choice and never a pair — for export and training alike. For training,
 * choices over simulated targets are left out too.
 */
final class WorkbenchChoices {

    private final Handle handle;
    private final boolean trainable;
    private final AttemptSelection selection;

    /** Every campaign's choices, none made in an abandoned attempt. */
    WorkbenchChoices(Handle handle, boolean trainable) {
        this(handle, trainable, AttemptSelection.finished());
    }

    /** {@code selection}: whose choices — one campaign's or all; abandoned attempts' only when it includes them. */
    WorkbenchChoices(Handle handle, boolean trainable, AttemptSelection selection) {
        this.handle = handle;
        this.trainable = trainable;
        this.selection = selection;
    }

    void forEach(Consumer<PreferencePair> sink) {
        forEach((pair, abandoned) -> sink.accept(pair));
    }

    /** Hands out each pair with whether its attempt was abandoned. */
    void forEach(BiConsumer<PreferencePair, Boolean> marked) {
        forEachMarked(choice -> marked.accept(choice.pair(), choice.abandoned()));
    }

    /** Hands out each pair with whether its attempt was abandoned and its target simulated. */
    void forEachMarked(Consumer<PreferencePairRepository.MarkedChoice> marked) {
        Map<Long, Attempt> attempts = new java.util.HashMap<>();
        handle.createQuery("""
                        SELECT a.id, a.status, a.campaign_id, COALESCE(g.simulated, FALSE) AS simulated
                        FROM attempts a LEFT JOIN targets g ON g.id = a.target_id WHERE a.campaign_id IS NOT NULL""")
                .map((rs, ctx) -> new Attempt(rs.getLong("id"), "abandoned".equals(rs.getString("status")), rs.getLong("campaign_id"),
                        rs.getBoolean("simulated")))
                .forEach(attempt -> attempts.put(attempt.id(), attempt));
        List<Choice> choices = handle.createQuery("""
                        SELECT t.attempt_id, t.position, c.text, c.picked
                        FROM turn_candidates c JOIN turns t ON t.id = c.turn_id
                        JOIN attempts a ON a.id = t.attempt_id LEFT JOIN targets g ON g.id = a.target_id
                        WHERE t.identical_candidates = FALSE AND (:all OR g.id IS NULL OR g.simulated = FALSE)
                        ORDER BY t.attempt_id, t.position, c.picked DESC, c.label""")
                .bind("all", !trainable)
                .map((rs, ctx) -> new Choice(rs.getLong("attempt_id"), rs.getInt("position"), rs.getString("text"),
                        rs.getBoolean("picked")))
                .list();
        int i = 0;
        while (i < choices.size()) {
            Choice first = choices.get(i);
            int end = i;
            while (end < choices.size() && choices.get(end).attemptId == first.attemptId
                    && choices.get(end).position == first.position) {
                end++;
            }
            List<Choice> group = choices.subList(i, end);
            Attempt attempt = attempts.get(first.attemptId);
            boolean abandoned = attempt != null && attempt.abandoned();
            boolean simulated = attempt != null && attempt.simulated();
            Consumer<PreferencePair> sink = pair -> marked.accept(new PreferencePairRepository.MarkedChoice(pair, abandoned, simulated));
            if (selected(attempt) && group.get(0).picked && group.size() > 1) {
                String prefix = prefix(first.attemptId, first.position);
                String rejected = prefix + new Transcript("", List.of(Turn.assistant(group.get(0).text))).text();
                for (Choice other : group.subList(1, group.size())) {
                    if (!other.picked && !Candidates.sameText(other.text, group.get(0).text)) {
                        sink.accept(new PreferencePair(prefix + new Transcript("", List.of(Turn.assistant(other.text))).text(),
                                rejected));
                    }
                }
            }
            i = end;
        }
    }

    /** Whether the selection takes this attempt's choices (an imported attempt, {@code null}, belongs to no campaign). */
    private boolean selected(Attempt attempt) {
        if (attempt == null) {
            return selection.campaignId() == null;
        }
        return (selection.includeAbandoned() || !attempt.abandoned())
                && (selection.campaignId() == null || selection.campaignId() == attempt.campaignId());
    }

    private record Attempt(long id, boolean abandoned, long campaignId, boolean simulated) {
    }

    private String prefix(long attemptId, int position) {
        String preamble = handle.createQuery("SELECT transcript_preamble FROM attempts WHERE id = :id")
                .bind("id", attemptId).mapTo(String.class).one();
        List<Turn> before = handle.createQuery("""
                        SELECT speaker, text, bare_marker FROM turns WHERE attempt_id = :id AND position < :position
                        ORDER BY position""")
                .bind("id", attemptId).bind("position", position)
                .map((rs, ctx) -> new Turn(Speaker.fromId(rs.getString("speaker")), rs.getString("text"),
                        rs.getBoolean("bare_marker")))
                .list();
        return new Transcript(preamble, new ArrayList<>(before)).text();
    }

    private record Choice(long attemptId, int position, String text, boolean picked) {
    }
}
