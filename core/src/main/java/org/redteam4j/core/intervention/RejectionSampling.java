package org.redteam4j.core.intervention;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.SampleFanOut;
import org.redteam4j.core.scoring.HarmlessnessScorer;

/**
 * The paper's rejection sampling: draw k replies (16 by default) from the prompted model, score
 * each with a harmlessness scorer, and return all of them ranked, least harmful first — the
 * workbench shows the top two. Samples that the runtime cannot draw in one call are requested
 * concurrently; the wrapped model's own limits (concurrency, rate) still apply.
 */
public final class RejectionSampling implements ChatModel {

    public static final int DEFAULT_SAMPLES = 16;

    private final ChatModel model;
    private final HarmlessnessScorer scorer;
    private final int samples;
    private final ExecutorService workers;

    public RejectionSampling(ChatModel model, HarmlessnessScorer scorer, int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("rejection sampling needs at least 2 samples, got " + samples);
        }
        this.model = model;
        this.scorer = scorer;
        this.samples = samples;
        this.workers = Executors.newFixedThreadPool(Math.min(samples, 16), runnable -> {
            Thread thread = new Thread(runnable, "rejection-sampling");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        long started = System.nanoTime();
        ChatResponse drawn = SampleFanOut.draw(model, request.withSampling(request.sampling().withSamples(samples)), workers);
        List<Reply> ranked = ScoredReplies.of(scorer, request.turns(), drawn.replies());
        ranked.sort(Comparator.comparingDouble(Reply::harmlessnessScore).reversed());
        return drawn.withReplies(ranked).withLatency(Duration.ofNanos(System.nanoTime() - started));
    }

    public int samples() {
        return samples;
    }

    @Override
    public String id() {
        return "rejection-sampling(k=" + samples + ", scorer=" + scorer.id() + ", " + model.id() + ")";
    }

    @Override
    public boolean simulated() {
        return model.simulated();
    }

    @Override
    public int maxRequestsPerCall(int humanTurns) {
        return (model.supportsSamples() ? 1 : samples) * model.maxRequestsPerCall(humanTurns);
    }

    @Override
    public boolean takesDocuments() {
        return model.takesDocuments();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        model.close();
    }
}
