package org.redteam4j.core.intervention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.SampleFanOut;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.scoring.HarmlessnessScorer;

/**
 * The paper's rule for the two replies a red team member chooses between each turn, declared by
 * each {@link Intervention}: rejection sampling shows the two least harmful of its k samples, any
 * other model two samples. Both replies carry a harmlessness score, so the store keeps the
 * preference model's view of the reply the member did not pick too.
 *
 * <p>Two replies with the same text (after trimming) are no choice. Rejection sampling then shows
 * the next-ranked reply that differs; when all k are one text, or two samples are, the rule draws
 * again — up to {@link #REDRAWS} more times, each through the same model and so within the
 * target's limits — with a different seed, since a seeded model (the simulated one always is)
 * would repeat itself. What was drawn is pooled; if it is still one text, both are returned
 * marked {@link Candidates#identical()}.
 */
public enum CandidateRule {

    /** The model is rejection sampling: it already drew, scored and ranked k replies, least harmful first. */
    LEAST_HARMFUL_OF_K {
        @Override
        List<Reply> draw(ChatModel model, ChatRequest request, HarmlessnessScorer scorer, ExecutorService workers) {
            return model.chat(request.withSampling(request.sampling().withSamples(2))).replies();
        }

        @Override
        List<Reply> rank(List<Reply> pooled, HarmlessnessScorer scorer, ChatRequest request) {
            List<Reply> ranked = new ArrayList<>(pooled); // each draw came ranked; pooled draws are ranked again
            ranked.sort(Comparator.comparingDouble(Reply::harmlessnessScore).reversed());
            return ranked;
        }
    },

    /** Two samples of the model, each scored. */
    TWO_SAMPLES {
        @Override
        List<Reply> draw(ChatModel model, ChatRequest request, HarmlessnessScorer scorer, ExecutorService workers) {
            return SampleFanOut.draw(model, request.withSampling(request.sampling().withSamples(2)), workers).replies();
        }

        @Override
        List<Reply> rank(List<Reply> pooled, HarmlessnessScorer scorer, ChatRequest request) {
            return pooled; // in the order drawn: no ranking, and only the two shown are scored
        }
    };

    /** How many times the rule draws again when the replies drawn so far are all one text. */
    public static final int REDRAWS = 3;

    /** Keeps each redraw's seed apart from the seeds {@link SampleFanOut} gives a draw's own samples. */
    private static final long SEED_STRIDE = 1_000_003L;

    /**
     * The two replies, in the order the rule ranks them, with how many draws they took.
     *
     * @param model   the target's model with its intervention applied
     * @param scorer  the harmlessness scorer that scores replies the model did not score itself
     * @param workers where single-sample calls run when the runtime cannot draw two in one call
     */
    public Candidates candidates(ChatModel model, ChatRequest request, HarmlessnessScorer scorer, ExecutorService workers) {
        long started = System.nanoTime();
        List<Reply> pooled = new ArrayList<>();
        int draws = 0;
        List<Reply> pair;
        do {
            pooled.addAll(draw(model, redraw(request, draws), scorer, workers));
            draws++;
            pair = distinctPair(rank(pooled, scorer, request));
        } while (pair == null && draws <= REDRAWS);
        boolean identical = pair == null;
        List<Reply> shown = identical ? rank(pooled, scorer, request).subList(0, 2) : pair;
        if (shown.get(0).harmlessnessScore() == null || shown.get(1).harmlessnessScore() == null) {
            shown = ScoredReplies.of(scorer, request.turns(), shown);
        }
        return new Candidates(shown, draws, identical, Duration.ofNanos(System.nanoTime() - started));
    }

    /** One draw of replies: at least two. */
    abstract List<Reply> draw(ChatModel model, ChatRequest request, HarmlessnessScorer scorer, ExecutorService workers);

    /** The pooled replies of every draw so far, best first by this rule. */
    abstract List<Reply> rank(List<Reply> pooled, HarmlessnessScorer scorer, ChatRequest request);

    /** The first reply and the next one in order whose text differs, or null when all are one text. */
    private static List<Reply> distinctPair(List<Reply> ordered) {
        Reply first = ordered.get(0);
        for (Reply next : ordered.subList(1, ordered.size())) {
            if (!Candidates.sameText(first.text(), next.text())) {
                return List.of(first, next);
            }
        }
        return null;
    }

    /** The request of draw {@code n} (0 = the first, as the target declared it): later draws get their own seed. */
    private static ChatRequest redraw(ChatRequest request, int n) {
        if (n == 0) {
            return request;
        }
        Sampling sampling = request.sampling();
        long base = sampling.seed() == null ? 0 : sampling.seed();
        return request.withSampling(sampling.withSeed(base + n * SEED_STRIDE));
    }
}
