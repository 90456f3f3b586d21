package org.redteam4j.models.pm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A BERT sentence-embedding model from its Maven artifact, run by ONNX Runtime directly: texts are
 * sorted by length and run in batches padded to their longest member, on one session whose
 * intra-op threads use the whole machine. Sequences are token ids without the two special tokens;
 * the caller decides which tokens fit the window (see {@link Windows}).
 */
final class OnnxSentenceEncoder implements AutoCloseable {

    enum Pooling { MEAN, CLS }

    /** Padded tokens per run: large enough to keep the cores busy, small enough for the cache. */
    private static final int BATCH_TOKENS = 8_192;
    private static final int BATCH_TEXTS = 64;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;
    private final int window;
    private final boolean wantsTypeIds;
    private final long cls;
    private final long sep;

    /**
     * {@code window} is how many tokens the model reads, its special tokens included: the packaged
     * tokenizer's own maximum (MiniLM's artifact says 128, BGE's 512).
     */
    OnnxSentenceEncoder(ClassLoader artifact, String modelResource, String tokenizerResource, Pooling pooling) {
        try (InputStream tokenizerJson = open(artifact, tokenizerResource)) {
            // Our own windows decide truncation; the tokenizer returns every token.
            HuggingFaceTokenizer sized = HuggingFaceTokenizer.newInstance(open(artifact, tokenizerResource), Map.of("padding", "false"));
            this.window = sized.getMaxLength();
            sized.close();
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false", "truncation", "false"));
            this.cls = tokenizer.encode("", true, false).getIds()[0];
            long[] empty = tokenizer.encode("", true, false).getIds();
            this.sep = empty[empty.length - 1];
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (InputStream model = open(artifact, modelResource)) {
                this.session = environment.createSession(model.readAllBytes(), options);
            }
            this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
            this.pooling = pooling;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + modelResource, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + modelResource + ": " + e.getMessage(), e);
        }
    }

    /** Tokens the model reads besides its two special tokens. */
    int budget() {
        return window - 2;
    }

    /** The text's token ids, special tokens excluded, none dropped. */
    long[] tokens(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /** Unit-length embeddings of the token sequences (each at most {@link #budget()} long), in order. */
    List<float[]> embed(List<long[]> sequences) {
        float[][] out = new float[sequences.size()][];
        Integer[] order = IntStream.range(0, sequences.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> sequences.get(i).length));
        int start = 0;
        while (start < order.length) {
            int longest = sequences.get(order[start]).length + 2;
            int end = start;
            while (end < order.length && end - start < BATCH_TEXTS) {
                int length = sequences.get(order[end]).length + 2;
                if (end > start && (end - start + 1) * length > BATCH_TOKENS) {
                    break;
                }
                longest = length;
                end++;
            }
            int[] batch = Arrays.stream(order, start, end).mapToInt(Integer::intValue).toArray();
            float[][] vectors = run(batch, sequences, longest);
            for (int i = 0; i < batch.length; i++) {
                out[batch[i]] = vectors[i];
            }
            start = end;
        }
        return Arrays.asList(out);
    }

    private float[][] run(int[] batch, List<long[]> sequences, int length) {
        long[] ids = new long[batch.length * length];
        long[] mask = new long[batch.length * length];
        for (int row = 0; row < batch.length; row++) {
            long[] body = sequences.get(batch[row]);
            if (body.length > budget()) {
                throw new IllegalArgumentException("a sequence of " + body.length + " tokens exceeds the window of " + budget());
            }
            int at = row * length;
            ids[at] = cls;
            System.arraycopy(body, 0, ids, at + 1, body.length);
            ids[at + 1 + body.length] = sep;
            Arrays.fill(mask, at, at + body.length + 2, 1L);
        }
        long[] shape = {batch.length, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int dimension = hidden.capacity() / (batch.length * length);
                float[][] vectors = new float[batch.length][];
                for (int row = 0; row < batch.length; row++) {
                    vectors[row] = normalised(pool(hidden, row, length, sequences.get(batch[row]).length + 2, dimension));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to embed a batch: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** MEAN averages the real tokens (special ones included, as the models were trained); CLS takes the first. */
    private float[] pool(FloatBuffer hidden, int row, int length, int real, int dimension) {
        float[] vector = new float[dimension];
        int base = row * length * dimension;
        if (pooling == Pooling.CLS) {
            hidden.get(base, vector);
            return vector;
        }
        for (int token = 0; token < real; token++) {
            int at = base + token * dimension;
            for (int d = 0; d < dimension; d++) {
                vector[d] += hidden.get(at + d);
            }
        }
        for (int d = 0; d < dimension; d++) {
            vector[d] /= real;
        }
        return vector;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= norm;
            }
        }
        return vector;
    }

    private static InputStream open(ClassLoader artifact, String resource) {
        InputStream in = artifact.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the embedding model's resource " + resource + " is not on the class path");
        }
        return in;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }
}
