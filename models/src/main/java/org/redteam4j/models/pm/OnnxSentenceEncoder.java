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
import java.util.HashMap;
import java.util.Map;

/**
 * A BERT sentence-embedding model from its Maven artifact, run by ONNX Runtime directly on one
 * session (thread-safe: many runs at once). Sequences are token ids without the two special
 * tokens; the caller decides which tokens fit the window.
 */
final class OnnxSentenceEncoder implements AutoCloseable {

    enum Pooling { MEAN, CLS }

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int window;
    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;
    private final boolean wantsTypeIds;
    private final long cls;
    private final long sep;

    /**
     * {@code window} is how many tokens the model reads, its special tokens included: the packaged
     * tokenizer's own maximum (MiniLM's artifact says 128, BGE's 512). {@code threads} is ONNX
     * Runtime's intra-op threads for one run; the caller runs texts in parallel instead (one thread
     * per run is faster for sentences and makes every result independent of the machine).
     */
    OnnxSentenceEncoder(ClassLoader artifact, String modelResource, String tokenizerResource, Pooling pooling, int threads) {
        try (InputStream sizing = open(artifact, tokenizerResource);
             HuggingFaceTokenizer sized = HuggingFaceTokenizer.newInstance(sizing, Map.of("padding", "false"))) {
            this.window = sized.getMaxLength();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model's tokenizer " + tokenizerResource, e);
        }
        HuggingFaceTokenizer whole;
        try (InputStream tokenizerJson = open(artifact, tokenizerResource)) {
            // our own windows decide truncation: the tokenizer returns every token
            whole = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model's tokenizer " + tokenizerResource, e);
        }
        this.tokenizer = whole;
        long[] empty = tokenizer.encode("", true, false).getIds();
        this.cls = empty[0];
        this.sep = empty[empty.length - 1];
        this.pooling = pooling;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions(); InputStream model = open(artifact, modelResource)) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(model.readAllBytes(), options);
            this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
        } catch (IOException | OrtException e) {
            tokenizer.close();
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

    /**
     * The unit-length sentence embedding of one token sequence (at most {@link #budget()} long),
     * pooled the model's way. Each sequence runs alone: the quantised models scale their
     * activations per input tensor, so a batch would make a text's embedding depend on its
     * batch-mates, and on this machine batches are no faster.
     */
    float[] embed(long[] body) {
        long[] ids = input(body);
        int length = ids.length;
        long[] mask = new long[length];
        Arrays.fill(mask, 1L);
        long[] shape = {1, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int dimension = hidden.capacity() / length;
                return normalised(mean(hidden, 0, pooling == Pooling.CLS ? 1 : length, dimension));
            }
        } catch (OrtException e) {
            throw new EmbeddingFailure("ONNX Runtime failed to embed a text: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The model's input for a token sequence: the sequence between the two special tokens. */
    long[] input(long[] body) {
        if (body.length > budget()) {
            throw new IllegalArgumentException("a sequence of " + body.length + " tokens exceeds the window of " + budget());
        }
        long[] ids = new long[body.length + 2];
        ids[0] = cls;
        System.arraycopy(body, 0, ids, 1, body.length);
        ids[ids.length - 1] = sep;
        return ids;
    }

    /** Mean of the hidden states of tokens {@code [from, to)}; an empty range gives zeros. */
    private static float[] mean(FloatBuffer hidden, int from, int to, int dimension) {
        float[] vector = new float[dimension];
        for (int token = from; token < to; token++) {
            int at = token * dimension;
            for (int d = 0; d < dimension; d++) {
                vector[d] += hidden.get(at + d);
            }
        }
        int count = Math.max(1, to - from);
        for (int d = 0; d < dimension; d++) {
            vector[d] /= count;
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
