package org.redteam4j.models.pm;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.*;
import org.junit.jupiter.api.Test;

class OnnxSentenceEncoderProbe {
    @Test
    void probe() {
        Random random = new Random(7);
        String[] words = "the model refused to help with that request because it could cause harm but here is some safe general information about locks history chemistry and how to stay safe online I am sorry".split(" ");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            StringBuilder b = new StringBuilder();
            int n = 3 + random.nextInt(i % 4 == 0 ? 90 : 30);
            for (int w = 0; w < n; w++) b.append(words[random.nextInt(words.length)]).append(w % 9 == 8 ? ". " : " ");
            texts.add(b.toString().trim());
        }
        for (int k = 0; k < 2; k++) {
            EmbeddingModel old = k == 0 ? new AllMiniLmL6V2QuantizedEmbeddingModel() : new BgeSmallEnV15QuantizedEmbeddingModel();
            OnnxSentenceEncoder encoder = k == 0
                    ? new OnnxSentenceEncoder(AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader(), "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", OnnxSentenceEncoder.Pooling.MEAN)
                    : new OnnxSentenceEncoder(BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader(), "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", OnnxSentenceEncoder.Pooling.CLS);
            List<TextSegment> segs = texts.stream().map(TextSegment::from).toList();
            old.embedAll(segs.subList(0, 32)); encoder.embed(texts.subList(0, 32).stream().map(encoder::tokens).map(t -> Arrays.copyOf(t, Math.min(t.length, encoder.budget()))).toList());
            long t0 = System.nanoTime();
            var a = old.embedAll(segs).content();
            long t1 = System.nanoTime();
            var seqs = texts.stream().map(encoder::tokens).map(t -> Arrays.copyOf(t, Math.min(t.length, encoder.budget()))).toList();
            var b = encoder.embed(seqs);
            long t2 = System.nanoTime();
            List<float[]> singles = new ArrayList<>();
            for (int i = 0; i < 64; i++) singles.add(encoder.embed(List.of(seqs.get(i))).get(0));
            double minBatch = 1, minSingle = 1;
            for (int i = 0; i < texts.size(); i++) {
                float[] x = a.get(i).vector(); double nx = 0; for (float v : x) nx += v*v; nx = Math.sqrt(nx);
                double c = 0; for (int d = 0; d < x.length; d++) c += x[d] / nx * b.get(i)[d];
                minBatch = Math.min(minBatch, c);
                if (i < 64) { double s = 0; for (int d = 0; d < x.length; d++) s += x[d] / nx * singles.get(i)[d]; minSingle = Math.min(minSingle, s); }
            }
            System.out.printf("kind %d: old %.2f s, new %.2f s, ratio %.1f; min cosine batched %.6f single %.6f%n", k, (t1-t0)/1e9, (t2-t1)/1e9, (double)(t1-t0)/(t2-t1), minBatch, minSingle);
        }
    }
}
