package org.redteam4j.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.redteam4j.config.targets.Target;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.config.targets.TargetFactory;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.SampleFanOut;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.intervention.RejectionSampling;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.store.workbench.LiveAttempt;

/**
 * The models behind the workbench's targets, built once from each target's stored declaration,
 * and the two candidate replies a member chooses between: for rejection sampling the two least
 * harmful of k, otherwise two samples — each scored by the preference model, shown in random order.
 */
final class TargetModels implements AutoCloseable {

    private final Supplier<HarmlessnessScorer> scorer;
    private final TargetFactory factory;
    private final Map<Long, Target> targets = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "workbench-samples");
        thread.setDaemon(true);
        return thread;
    });
    private final Random order = new Random();

    TargetModels(Supplier<HarmlessnessScorer> scorer) {
        this.scorer = scorer;
        this.factory = new TargetFactory(ApiKeys.fromSystem(), scorer);
    }

    static TargetConfig parse(String settingsJson) {
        try {
            return Json.mapper().readValue(settingsJson, TargetConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored target declaration is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String json(TargetConfig config) {
        try {
            return Json.mapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the target once to find mistakes in its declaration early, then frees it. */
    void check(TargetConfig config) {
        factory.create(config).close();
    }

    Target target(long targetId, String settingsJson) {
        return targets.computeIfAbsent(targetId, id -> factory.create(parse(settingsJson)));
    }

    List<LiveAttempt.Candidate> candidates(Target target, List<Turn> conversation) {
        ChatModel model = target.model();
        ChatRequest request = ChatRequest.of(conversation, target.sampling().withSamples(2));
        List<Reply> replies;
        if (model instanceof RejectionSampling) {
            replies = model.chat(request).replies().subList(0, 2); // ranked least harmful first, as the paper shows
        } else {
            ChatResponse response = SampleFanOut.draw(model, request, workers);
            List<Double> scores = scorer.get().scoreAll(conversation, response.replies().stream().map(Reply::text).toList());
            replies = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                replies.add(response.replies().get(i).scored(scores.get(i)));
            }
        }
        List<Reply> shuffled = new ArrayList<>(replies);
        Collections.shuffle(shuffled, order);
        return List.of(
                new LiveAttempt.Candidate("A", shuffled.get(0).text(), shuffled.get(0).harmlessnessScore(), false),
                new LiveAttempt.Candidate("B", shuffled.get(1).text(), shuffled.get(1).harmlessnessScore(), false));
    }

    @Override
    public void close() {
        workers.shutdownNow();
        targets.values().forEach(Target::close);
    }
}
