package org.redteam4j.store.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.scoring.TranscriptScores;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.AttemptRepository;

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
                items.addAll(TranscriptScores.requests(attempt.taskDescription(), attempt.turns()));
            }
            Iterator<Double> scores = scorer.scoreEach(items).iterator();
            int turnsInBatch = items.size() - batch.size();
            database.inTransaction(handle -> {
                AttemptRepository repository = new AttemptRepository(handle);
                for (AttemptToScore attempt : batch) {
                    TranscriptScores scored = TranscriptScores.read(attempt.turns(), scores);
                    Map<Long, Double> turnScores = new HashMap<>();
                    scored.turnScores().forEach((turn, score) -> turnScores.put(attempt.turnIds().get(turn), score));
                    repository.saveScores(attempt.id(), turnScores, scored.minimum(), scored.intent(), scorer.id());
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
