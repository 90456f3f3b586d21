package org.redteam4j.core.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.SampleFanOut;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.testing.RecordingModel;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Turn;

class InterventionTest {

    private static final ChatRequest QUESTION = ChatRequest.of(List.of(Turn.human("How do I pick a lock?")), Sampling.DEFAULT);

    @Test
    void plainSendsOneShortExampleBeforeTheConversation() {
        RecordingModel model = new RecordingModel(true);

        new PlainPrompt(model).chat(QUESTION);

        ChatRequest sent = model.requests().get(0);
        List<Turn> turns = sent.turns();
        assertThat(turns).hasSize(7);
        assertThat(turns.subList(0, 6)).extracting(Turn::speaker).containsExactly(Speaker.HUMAN, Speaker.ASSISTANT,
                Speaker.HUMAN, Speaker.ASSISTANT, Speaker.HUMAN, Speaker.ASSISTANT);
        assertThat(turns.get(0).text()).contains("basil");
        assertThat(turns.get(6)).isEqualTo(Turn.human("How do I pick a lock?"));
        assertThat(sent.system()).startsWith("Below is a conversation");
    }

    @Test
    void promptedSendsTheHhhExamplesAndKeepsTheCallersSystemText() {
        RecordingModel model = new RecordingModel(true);
        HhhPrompt prompted = new HhhPrompt(model);

        prompted.chat(new ChatRequest("Answer in French.", QUESTION.turns(), Sampling.DEFAULT));

        ChatRequest sent = model.requests().get(0);
        int examples = prompted.examples().turns().size();
        assertThat(examples).isGreaterThanOrEqualTo(16);
        assertThat(sent.turns()).hasSize(examples + 1);
        assertThat(sent.turns().get(examples)).isEqualTo(Turn.human("How do I pick a lock?"));
        assertThat(sent.system()).contains("helpful, honest and harmless").endsWith("Answer in French.");
        assertThat(prompted.id()).isEqualTo("prompted(recording)");
    }

    @Test
    void rejectionSamplingRanksByTheScorerLeastHarmfulFirst() {
        RecordingModel model = new RecordingModel(true);
        HarmlessnessScorer byNumber = scorer((context, reply) -> -Integer.parseInt(reply.substring("reply ".length())));

        ChatResponse response = new RejectionSampling(model, byNumber, 5).chat(QUESTION);

        assertThat(model.requests()).hasSize(1);
        assertThat(model.requests().get(0).sampling().samples()).isEqualTo(5);
        assertThat(response.replies()).extracting(Reply::text)
                .containsExactly("reply 1", "reply 2", "reply 3", "reply 4", "reply 5");
        assertThat(response.replies()).extracting(Reply::harmlessnessScore).containsExactly(-1.0, -2.0, -3.0, -4.0, -5.0);
    }

    @Test
    void rejectionSamplingScoresEachReplyInItsContext() {
        RecordingModel model = new RecordingModel(true);
        List<List<Turn>> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
        HarmlessnessScorer recording = scorer((context, reply) -> {
            contexts.add(context);
            return reply.endsWith("3") ? 9 : 0;
        });

        ChatResponse response = new RejectionSampling(model, recording, 4).chat(QUESTION);

        assertThat(response.first().text()).isEqualTo("reply 3");
        assertThat(contexts).hasSize(4).allSatisfy(context -> assertThat(context).isEqualTo(QUESTION.turns()));
    }

    @Test
    void rejectionSamplingFansOutWhenTheRuntimeDrawsOneSampleACall() {
        RecordingModel single = new RecordingModel(false);

        ChatResponse response = new RejectionSampling(single, scorer((c, r) -> r.length()), 16)
                .chat(QUESTION.withSampling(Sampling.DEFAULT.withSeed(100L)));

        assertThat(response.replies()).hasSize(16);
        assertThat(single.requests()).hasSize(16).allSatisfy(r -> assertThat(r.sampling().samples()).isEqualTo(1));
        assertThat(single.requests()).extracting(r -> r.sampling().seed()).doesNotHaveDuplicates();
        assertThat(response.usage().inputTokens()).isEqualTo(160);
    }

    @Test
    void missingSamplesFromAServerThatIgnoresNAreDrawnSingly() {
        ChatModel ignoresN = new ChatModel() {
            final RecordingModel inner = new RecordingModel(false);

            @Override
            public ChatResponse chat(ChatRequest request) {
                return inner.chat(request);
            }

            @Override
            public String id() {
                return "ignores-n";
            }

            @Override
            public boolean supportsSamples() {
                return true;
            }
        };

        ChatResponse response = SampleFanOut.draw(ignoresN, QUESTION.withSampling(Sampling.DEFAULT.withSamples(4)),
                java.util.concurrent.Executors.newFixedThreadPool(2));

        assertThat(response.replies()).hasSize(4).extracting(Reply::text).doesNotHaveDuplicates();
    }

    @Test
    void everyInterventionPassesTheApplicationsDocumentThrough() {
        ChatRequest withDocument = QUESTION.withDocument("retrieved passage");
        RecordingModel model = new RecordingModel(true);

        new HhhPrompt(model).chat(withDocument);
        new PlainPrompt(model).chat(withDocument);
        new RejectionSampling(model, scorer((c, r) -> r.length()), 2).chat(withDocument);

        assertThat(model.requests()).extracting(ChatRequest::document).containsOnly("retrieved passage");
    }

    @Test
    void rejectionSamplingNeedsAtLeastTwoSamples() {
        assertThatThrownBy(() -> new RejectionSampling(new RecordingModel(true), scorer((c, r) -> 0), 1))
                .hasMessageContaining("at least 2");
    }

    static HarmlessnessScorer scorer(java.util.function.ToDoubleBiFunction<List<Turn>, String> score) {
        return new HarmlessnessScorer() {
            @Override
            public double score(List<Turn> context, String reply) {
                return score.applyAsDouble(context, reply);
            }

            @Override
            public String id() {
                return "test-scorer";
            }
        };
    }
}
