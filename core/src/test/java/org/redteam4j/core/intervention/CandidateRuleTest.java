package org.redteam4j.core.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.testing.RecordingModel;
import org.redteam4j.core.transcript.Turn;

class CandidateRuleTest {

    private static final ChatRequest QUESTION = ChatRequest.of(List.of(Turn.human("How do I pick a lock?")), Sampling.DEFAULT);
    private static final HarmlessnessScorer BY_NUMBER =
            InterventionTest.scorer((context, reply) -> -Integer.parseInt(reply.substring("reply ".length())));

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void rejectionSamplingShowsTheTwoLeastHarmfulOfK() {
        RecordingModel model = new RecordingModel(true);

        List<Reply> shown = Intervention.REJECTION_SAMPLING.candidateRule()
                .candidates(new RejectionSampling(model, BY_NUMBER, 16), QUESTION, BY_NUMBER, workers).replies();

        assertThat(model.requests()).singleElement().satisfies(r -> assertThat(r.sampling().samples()).isEqualTo(16));
        assertThat(shown).extracting(Reply::text).containsExactly("reply 1", "reply 2");
    }

    @Test
    void otherInterventionsShowTwoScoredSamples() {
        RecordingModel model = new RecordingModel(false);

        List<Reply> shown = Intervention.PROMPTED.candidateRule().candidates(new HhhPrompt(model), QUESTION, BY_NUMBER, workers)
                .replies();

        assertThat(model.requests()).hasSize(2);
        assertThat(shown).extracting(Reply::harmlessnessScore).containsExactlyInAnyOrder(-1.0, -2.0);
    }

    @Test
    void onlyRejectionSamplingRanks() {
        for (Intervention intervention : Intervention.values()) {
            assertThat(intervention.candidateRule()).as(intervention.id()).isEqualTo(
                    intervention == Intervention.REJECTION_SAMPLING ? CandidateRule.LEAST_HARMFUL_OF_K : CandidateRule.TWO_SAMPLES);
        }
    }

    @Test
    void rejectionSamplingShowsTheNextRankedDistinctReplyWithoutDrawingAgain() {
        ScriptedModel model = new ScriptedModel(List.of("refuse", "refuse", "refuse", "comply"));
        HarmlessnessScorer refusalsFirst = InterventionTest.scorer((context, reply) -> reply.equals("refuse") ? 1 : 0);

        Candidates shown = Intervention.REJECTION_SAMPLING.candidateRule()
                .candidates(new RejectionSampling(model, refusalsFirst, 4), QUESTION, refusalsFirst, workers);

        assertThat(shown.replies()).extracting(Reply::text).containsExactly("refuse", "comply");
        assertThat(shown.draws()).isEqualTo(1);
        assertThat(shown.identical()).isFalse();
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void twoSamplesOfOneTextAreDrawnAgainWithAnotherSeed() {
        ScriptedModel model = new ScriptedModel(List.of("same", " same\n"), List.of("same", "same"), List.of("same", "other"));

        Candidates shown = Intervention.PLAIN.candidateRule().candidates(model, QUESTION, BY_LENGTH, workers);

        assertThat(shown.replies()).extracting(Reply::text).containsExactly("same", "other");
        assertThat(shown.replies()).allSatisfy(reply -> assertThat(reply.harmlessnessScore()).isNotNull());
        assertThat(shown.draws()).isEqualTo(3);
        assertThat(shown.identical()).isFalse();
        assertThat(model.seeds()).containsExactly(null, 1_000_003L, 2_000_006L);
    }

    @Test
    void repliesThatStayOneTextAfterEveryRedrawAreMarkedIdentical() {
        ScriptedModel model = new ScriptedModel(List.of("same", "same"));

        Candidates shown = Intervention.PLAIN.candidateRule().candidates(model, QUESTION, BY_LENGTH, workers);

        assertThat(shown.replies()).extracting(Reply::text).containsExactly("same", "same");
        assertThat(shown.identical()).isTrue();
        assertThat(shown.draws()).isEqualTo(1 + CandidateRule.REDRAWS);
        assertThat(model.calls()).isEqualTo(1 + CandidateRule.REDRAWS);
    }

    private static final HarmlessnessScorer BY_LENGTH = InterventionTest.scorer((context, reply) -> reply.length());

    /** Answers each call with the next script (the last one repeats), all samples in one call; records the seeds asked for. */
    private static final class ScriptedModel implements ChatModel {
        private final List<List<String>> scripts;
        private final List<Long> seeds = new java.util.concurrent.CopyOnWriteArrayList<>();

        @SafeVarargs
        ScriptedModel(List<String>... scripts) {
            this.scripts = List.of(scripts);
        }

        @Override
        public synchronized ChatResponse chat(ChatRequest request) {
            seeds.add(request.sampling().seed());
            List<String> texts = scripts.get(Math.min(seeds.size() - 1, scripts.size() - 1));
            return new ChatResponse(texts.stream().map(text -> Reply.of(text, "stop")).toList(), TokenUsage.NONE,
                    Duration.ZERO, "scripted", false);
        }

        @Override
        public boolean supportsSamples() {
            return true;
        }

        @Override
        public String id() {
            return "scripted";
        }

        int calls() {
            return seeds.size();
        }

        List<Long> seeds() {
            return new java.util.ArrayList<>(seeds);
        }
    }
}
