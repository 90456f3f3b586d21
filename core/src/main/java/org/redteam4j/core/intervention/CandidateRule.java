package org.redteam4j.core.intervention;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.SampleFanOut;
import org.redteam4j.core.scoring.HarmlessnessScorer;

/**
 * The paper's rule for the two replies a red team member chooses between each turn, declared by
 * each {@link Intervention}: rejection sampling shows the two least harmful of its k samples, any
 * other model two samples. Both replies carry a harmlessness score, so the store keeps the
 * preference model's view of the reply the member did not pick too.
 */
public enum CandidateRule {

    /** The model is rejection sampling: it already drew, scored and ranked k replies, least harmful first. */
    LEAST_HARMFUL_OF_K {
        @Override
        public List<Reply> candidates(ChatModel model, ChatRequest request, HarmlessnessScorer scorer, ExecutorService workers) {
            return List.copyOf(model.chat(request.withSampling(request.sampling().withSamples(2))).replies().subList(0, 2));
        }
    },

    /** Two samples of the model, each scored. */
    TWO_SAMPLES {
        @Override
        public List<Reply> candidates(ChatModel model, ChatRequest request, HarmlessnessScorer scorer, ExecutorService workers) {
            List<Reply> drawn = SampleFanOut.draw(model, request.withSampling(request.sampling().withSamples(2)), workers).replies();
            return List.copyOf(ScoredReplies.of(scorer, request.turns(), drawn));
        }
    };

    /**
     * The two replies, in the order the rule ranks them (the caller shuffles before showing them).
     *
     * @param model   the target's model with its intervention applied
     * @param scorer  the harmlessness scorer that scores replies the model did not score itself
     * @param workers where single-sample calls run when the runtime cannot draw two in one call
     */
    public abstract List<Reply> candidates(ChatModel model, ChatRequest request, HarmlessnessScorer scorer,
                                           ExecutorService workers);
}
