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
import org.redteam4j.core.intervention.Candidates;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.secrets.Redacted;
import org.redteam4j.core.secrets.Redaction;
import org.redteam4j.core.secrets.Secrets;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.attempt.LiveAttempt;

/**
 * The models behind the workbench's targets, built once from each campaign's stored declaration,
 * and the two candidate replies a member chooses between, drawn by the {@link CandidateRule} of
 * the target's intervention and shown in random order. The rule scores the replies as the model
 * wrote them; what is stored and shown has every configured secret redacted, and a secret found
 * is logged for the admins (target and secret name, never the value).
 */
final class TargetModels implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TargetModels.class.getName());

    private final Supplier<HarmlessnessScorer> scorer;
    private final TargetFactory factory;
    private final Supplier<Secrets> secrets;
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
        this.secrets = environment::secrets; // asked each time: a target's key is known once it is built
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
     * random order, from the model that {@code settingsJson} (the campaign's declaration) describes,
     * with how many draws it took to get two that differ.
     */
    LiveAttempt.Drawn candidates(String settingsJson, List<Turn> conversation) {
        Target target = targets.computeIfAbsent(settingsJson, json -> factory.create(parse(json)));
        CandidateRule rule = target.config().interventionOrDefault().candidateRule();
        Candidates drawn = rule.candidates(target.model(), ChatRequest.of(conversation, target.sampling()), scorer.get(), workers);
        List<Reply> replies = new ArrayList<>(drawn.replies());
        Collections.shuffle(replies, order); // blinding: the rule's ranking must not show which reply is which
        Secrets known = secrets.get();
        String name = target.config().displayName();
        return new LiveAttempt.Drawn(List.of(candidate(name, "A", replies.get(0), known), candidate(name, "B", replies.get(1), known)),
                drawn.draws(), drawn.identical(), drawn.drawTime().toMillis());
    }

    private static LiveAttempt.Candidate candidate(String target, String label, Reply reply, Secrets known) {
        Redacted text = known.scan(reply.text());
        text.found().forEach(name -> LOG.log(System.Logger.Level.WARNING, "workbench target {0}: {1}; redacted before it "
                + "was stored or shown", target, new Redaction(name, "candidate reply").finding()));
        return new LiveAttempt.Candidate(label, text.text(), reply.harmlessnessScore(), false);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        targets.values().forEach(Target::close);
    }
}
