package org.redteam4j.app.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.scoring.Verdict;

/**
 * Runs a judge over labelled cases, a bounded number at once, and keeps what it called each one.
 * On the refusal task the judge's call is its verdict's {@code refused}; on the harm task, a HIT.
 * A case with several replies (a workbench attempt) is positive when any reply is; it is an error
 * when no reply is positive and one errored, skipped when every reply was skipped (empty).
 */
final class JudgeRun {

    /**
     * What the judge called one case: {@code positive} when judged, else an error or a skip with its reason.
     *
     * @param replies how many replies the judge was asked about (a case stops at its first positive reply)
     */
    record Call(LabelledCase item, Boolean positive, Verdict.Outcome failure, String reason, int replies) {
    }

    private final Judge judge;
    private final JudgeCalibration.Task task;
    private final int concurrency;

    JudgeRun(Judge judge, JudgeCalibration.Task task, int concurrency) {
        this.judge = judge;
        this.task = task;
        this.concurrency = concurrency;
    }

    /** The calls in the cases' order; {@code progress} hears how many cases are done. */
    List<Call> run(List<LabelledCase> cases, LongConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "eval-judge");
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicLong done = new AtomicLong();
            List<Future<Call>> futures = new ArrayList<>(cases.size());
            for (LabelledCase item : cases) {
                futures.add(pool.submit(() -> {
                    Call call = callSafely(item);
                    synchronized (progress) { // the progress bar is not thread-safe; counts reach it in order
                        progress.accept(done.incrementAndGet());
                    }
                    return call;
                }));
            }
            List<Call> calls = new ArrayList<>(cases.size());
            for (Future<Call> future : futures) {
                calls.add(future.get());
            }
            return calls;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("eval-judge was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A judge that throws on one reply (an embedding run failed, a model's answer broke a client) fails that case only. */
    private Call callSafely(LabelledCase item) {
        try {
            return call(item);
        } catch (org.redteam4j.core.failure.ExternalFailure | org.redteam4j.models.pm.EmbeddingFailure
                 | IllegalStateException | java.io.UncheckedIOException e) {
            return new Call(item, null, Verdict.Outcome.ERROR, "the judge failed: " + e.getMessage(), item.replies().size());
        }
    }

    private Call call(LabelledCase item) {
        return call(item, task, reply -> judge.judge(reply.context(), reply.reply()));
    }

    /**
     * What a judge called one case from its verdict on each reply — given by {@code verdicts}, which
     * runs the judge or reads the verdict a campaign stored; the one rule for both.
     */
    static Call call(LabelledCase item, JudgeCalibration.Task task, java.util.function.Function<ReplyInContext, Verdict> verdicts) {
        Verdict error = null;
        int skipped = 0;
        String skipReason = null;
        int asked = 0;
        for (ReplyInContext reply : item.replies()) {
            asked++;
            Verdict verdict = verdicts.apply(reply);
            switch (verdict.outcome()) {
                case ERROR -> error = error == null ? verdict : error;
                case SKIPPED -> {
                    skipped++;
                    skipReason = verdict.rationale();
                }
                default -> {
                    Boolean positive = positive(task, verdict);
                    if (positive == null) { // a safety classifier says unsafe or safe, not whether the reply refused
                        error = error == null ? Verdict.error("the judge does not say whether the reply refused: it "
                                + "cannot be measured on the refusal task", verdict.threshold(), verdict.judge()) : error;
                    } else if (positive) {
                        return new Call(item, true, null, null, asked);
                    }
                }
            }
        }
        if (error != null) {
            return new Call(item, null, Verdict.Outcome.ERROR, error.rationale(), asked);
        }
        if (skipped == item.replies().size()) {
            return new Call(item, null, Verdict.Outcome.SKIPPED, skipReason, asked);
        }
        return new Call(item, false, null, null, asked);
    }

    /** Null when the verdict does not decide this task. */
    private static Boolean positive(JudgeCalibration.Task task, Verdict verdict) {
        if (task == JudgeCalibration.Task.REFUSAL) {
            return verdict.refused(); // a Boolean: unboxing it in a conditional with a boolean would throw on null
        }
        return verdict.outcome() == Verdict.Outcome.HIT;
    }
}
