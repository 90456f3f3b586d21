package org.redteam4j.app.workbench;

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
import org.redteam4j.config.Environment;
import org.redteam4j.config.targets.Target;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.config.targets.TargetFactory;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.intervention.CandidateRule;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.attempt.LiveAttempt;

/**
 * The models behind the workbench's targets, built once from each campaign's stored declaration,
 * and the two candidate replies a member chooses between, drawn by the {@link CandidateRule} of
 * the target's intervention and shown in random order.
 */
final class TargetModels implements AutoCloseable {

    private final Supplier<HarmlessnessScorer> scorer;
    private final TargetFactory factory;
    private final Map<String, Target> targets = new ConcurrentHashMap<>(); // by declaration: one model per declaration
    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "workbench-samples");
        thread.setDaemon(true);
        return thread;
    });
    private final Random order = new Random();

    TargetModels(Environment environment) {
        this.scorer = environment.preferenceModelSupplier();
        this.factory = environment.targets();
    }

    private static TargetConfig parse(String settingsJson) {
        try {
            return Json.mapper().readValue(settingsJson, TargetConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored target declaration is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Builds the target once to find mistakes in its declaration early, and returns it as the store declares it. */
    TargetFacts check(TargetConfig config) {
        try (Target target = factory.create(config)) {
            return target.facts();
        }
    }

    /**
     * The two replies a member chooses between, by the rule the target's intervention declares, in
     * random order, from the model that {@code settingsJson} (the campaign's declaration) describes.
     */
    List<LiveAttempt.Candidate> candidates(String settingsJson, List<Turn> conversation) {
        Target target = targets.computeIfAbsent(settingsJson, json -> factory.create(parse(json)));
        CandidateRule rule = target.config().interventionOrDefault().candidateRule();
        List<Reply> replies = new ArrayList<>(rule.candidates(target.model(), ChatRequest.of(conversation, target.sampling()),
                scorer.get(), workers));
        Collections.shuffle(replies, order); // blinding: the rule's ranking must not show which reply is which
        return List.of(candidate("A", replies.get(0)), candidate("B", replies.get(1)));
    }

    private static LiveAttempt.Candidate candidate(String label, Reply reply) {
        return new LiveAttempt.Candidate(label, reply.text(), reply.harmlessnessScore(), false);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        targets.values().forEach(Target::close);
    }
}
