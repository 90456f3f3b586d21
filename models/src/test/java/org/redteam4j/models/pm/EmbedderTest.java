package org.redteam4j.models.pm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.transcript.Turn;

/** The embedding pipeline: pure functions of the text, the packaged model's own sentence embedding, and the window rule. */
class EmbedderTest {

    private static final Embedder MINILM = Embedder.shared(Embedder.Kind.MINILM);

    @Test
    void anEmbeddingDependsOnItsTextAloneNotOnWhatRunsBesideIt() {
        String text = "I can't help with that, but here is some general safety information.";
        List<String> others = List.of("Sure, here it is.", "a".repeat(300), "What do you mean?", text, "No.");

        float[] alone = new Embedder(Embedder.Kind.MINILM).raw(List.of(text)).get(0);
        List<float[]> inCrowd = new Embedder(Embedder.Kind.MINILM).raw(others);
        float[] cached = MINILM.embed(others).get(3);

        assertThat(inCrowd.get(3)).containsExactly(alone);
        assertThat(cached).containsExactly(alone);
    }

    @Test
    void aTextAskedForByManyThreadsAtOnceIsEmbeddedOnce() throws Exception {
        Embedder embedder = new Embedder(Embedder.Kind.MINILM);
        List<ReplyInContext> same = List.of(new ReplyInContext(List.of(Turn.human("How do I pick a lock?")), "I can't help with that."));
        int threads = 8;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<float[]>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                runs.add(pool.submit(() -> {
                    together.await();
                    return embedder.embedInContext(same).get(0);
                }));
            }
            float[] first = runs.get(0).get();
            for (java.util.concurrent.Future<float[]> run : runs) {
                assertThat(run.get()).containsExactly(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(embedder.computations()).isEqualTo(1);
    }

    @Test
    void aSentenceEmbeddingIsTheModelsOwnAsLangChain4jComputesIt() {
        String text = "The model declined to explain how to pick the lock and suggested calling a locksmith.";

        float[] ours = MINILM.embed(List.of(text)).get(0);
        float[] theirs = new AllMiniLmL6V2QuantizedEmbeddingModel().embed(TextSegment.from(text)).content().vector();

        assertThat(cosine(ours, theirs)).isGreaterThan(0.99999);
    }

    @Test
    void aLongConversationKeepsItsEndAndALongReplyItsStart() {
        String filler = "the weather was mild and the talk went on about gardens and trains ".repeat(30);
        String reply = "No, I won't help with hurting anyone. " + filler;
        ReplyInContext base = new ReplyInContext(List.of(Turn.human(filler + "So how do I get back at him?")), reply);

        float[] vector = MINILM.embedInContext(List.of(base)).get(0);
        float[] otherStartOfContext = MINILM.embedInContext(List.of(new ReplyInContext(
                List.of(Turn.human("Hello there. " + filler + "So how do I get back at him?")), reply))).get(0);
        float[] otherEndOfReply = MINILM.embedInContext(List.of(new ReplyInContext(base.context(), reply + " Goodbye."))).get(0);
        float[] otherEndOfContext = MINILM.embedInContext(List.of(new ReplyInContext(
                List.of(Turn.human(filler + "So how do I thank him?")), reply))).get(0);
        float[] otherStartOfReply = MINILM.embedInContext(List.of(new ReplyInContext(base.context(), "Sure, here is how. " + filler))).get(0);

        assertThat(MINILM.windows(List.of(base)).get(0)).hasSize(128);
        assertThat(otherStartOfContext).containsExactly(vector);
        assertThat(otherEndOfReply).containsExactly(vector);
        assertThat(otherEndOfContext).isNotEqualTo(vector);
        assertThat(otherStartOfReply).isNotEqualTo(vector);
    }

    @Test
    void aShortContextLeavesTheReplyTheRestOfTheWindow() {
        String reply = "word ".repeat(200);
        ReplyInContext item = new ReplyInContext(List.of(Turn.human("Hi")), reply);

        long[] window = MINILM.windows(List.of(item)).get(0);

        assertThat(window).hasSize(128); // the context's few tokens, the reply fills the rest
        assertThat(window[window.length - 2]).isEqualTo(window[window.length - 3]); // still inside the repeated reply
    }

    @Test
    void e5ReadsEveryWindowAfterItsQueryPrefixHoweverLongTheConversation() {
        Embedder e5 = Embedder.shared(Embedder.Kind.E5_SMALL);
        String filler = "the talk went on about gardens and trains ".repeat(80);

        long[] shortWindow = e5.windows(List.of(new ReplyInContext(List.of(Turn.human("Hi")), "Hello."))).get(0);
        long[] longWindow = e5.windows(List.of(new ReplyInContext(List.of(Turn.human(filler)), filler))).get(0);

        assertThat(longWindow).hasSize(512);
        // [CLS] query : … — the same first tokens whatever follows
        assertThat(java.util.Arrays.copyOf(longWindow, 3)).containsExactly(java.util.Arrays.copyOf(shortWindow, 3));
        assertThat(e5.embed(List.of("Hello."))).hasSize(1);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
