package org.redteam4j.core.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
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
                .candidates(new RejectionSampling(model, BY_NUMBER, 16), QUESTION, BY_NUMBER, workers);

        assertThat(model.requests()).singleElement().satisfies(r -> assertThat(r.sampling().samples()).isEqualTo(16));
        assertThat(shown).extracting(Reply::text).containsExactly("reply 1", "reply 2");
    }

    @Test
    void otherInterventionsShowTwoScoredSamples() {
        RecordingModel model = new RecordingModel(false);

        List<Reply> shown = Intervention.PROMPTED.candidateRule().candidates(new HhhPrompt(model), QUESTION, BY_NUMBER, workers);

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
}
