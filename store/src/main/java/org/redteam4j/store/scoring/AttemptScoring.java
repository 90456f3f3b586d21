package org.redteam4j.store.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.Database;

/**
 * Scores attempts in batches: every assistant turn in the context before it, the transcript's
 * minimum, and the task description as the intent score. Each batch is written in its own
 * transaction, so an interrupted run keeps what it finished and a rerun picks up the rest.
 */
public final class AttemptScoring {

    /** Told after each batch. */
    @FunctionalInterface
    public interface Progress {
        void update(long attemptsDone, long attemptsTotal, long turnsScored);
    }

    /** What a run did. */
    public record Result(long attempts, long turns) {
    }

    private final Database database;
    private final HarmlessnessScorer scorer;
    private final int batchSize;

    public AttemptScoring(Database database, HarmlessnessScorer scorer, int batchSize) {
        this.database = database;
        this.scorer = scorer;
        this.batchSize = batchSize;
    }

    public Result run(boolean rescore, Progress progress) {
        long total = database.inTransaction(handle -> new ScoreRepository(handle).countToScore(rescore, scorer.id()));
        long attempts = 0;
        long turns = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<AttemptToScore> batch = database.inTransaction(handle ->
                    new ScoreRepository(handle).nextBatch(from, batchSize, rescore, scorer.id()));
            if (batch.isEmpty()) {
                return new Result(attempts, turns);
            }
            List<ReplyInContext> items = new ArrayList<>();
            for (AttemptToScore attempt : batch) {
                items.add(new ReplyInContext(List.of(), attempt.taskDescription()));
                for (int i = 0; i < attempt.turns().size(); i++) {
                    if (attempt.turns().get(i).isAssistant()) {
                        items.add(new ReplyInContext(attempt.turns().subList(0, i), attempt.turns().get(i).text()));
                    }
                }
            }
            List<Double> scores = scorer.scoreEach(items);
            int turnsInBatch = items.size() - batch.size();
            database.inTransaction(handle -> {
                ScoreRepository repository = new ScoreRepository(handle);
                int next = 0;
                for (AttemptToScore attempt : batch) {
                    Double intent = scores.get(next++);
                    Map<Long, Double> turnScores = new HashMap<>();
                    Double minimum = null;
                    for (int i = 0; i < attempt.turns().size(); i++) {
                        Turn turn = attempt.turns().get(i);
                        if (turn.isAssistant()) {
                            Double score = scores.get(next++);
                            if (score != null) {
                                turnScores.put(attempt.turnIds().get(i), score);
                                minimum = minimum == null ? score : Math.min(minimum, score);
                            }
                        }
                    }
                    repository.save(attempt.id(), turnScores, minimum, intent, scorer.id());
                }
                return null;
            });
            attempts += batch.size();
            turns += turnsInBatch;
            after = batch.get(batch.size() - 1).id();
            progress.update(attempts, total, turns);
        }
    }
}
