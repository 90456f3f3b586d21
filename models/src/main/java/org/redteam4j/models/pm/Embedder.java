package org.redteam4j.models.pm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A sentence-embedding model run in process by ONNX Runtime, with a bounded cache keyed by the
 * text's hash: red-team data repeats itself (task descriptions, shared prefixes), so each text is
 * embedded once. Thread-safe.
 */
public final class Embedder {

    /** The embedding models that ship as Maven artifacts. */
    public enum Kind {
        MINILM("all-minilm-l6-v2-q", 384, AllMiniLmL6V2QuantizedEmbeddingModel::new),
        BGE_SMALL("bge-small-en-v1.5-q", 384, BgeSmallEnV15QuantizedEmbeddingModel::new);

        private final String id;
        private final int dimension;
        private final Supplier<EmbeddingModel> factory;

        Kind(String id, int dimension, Supplier<EmbeddingModel> factory) {
            this.id = id;
            this.dimension = dimension;
            this.factory = factory;
        }

        public String id() {
            return id;
        }

        public int dimension() {
            return dimension;
        }

        public static Kind fromId(String id) {
            return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown embedding model '" + id + "'"));
        }
    }

    private static final int CACHE_ENTRIES = 50_000;
    private static final int BATCH = 32;

    private final Kind kind;
    private final EmbeddingModel model;
    private final Map<String, float[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /**
     * One embedder per model in this JVM. An embedding is a pure function of the text, so every
     * scorer, detector and map may share the model (hundreds of MB, seconds to load) and its cache:
     * a reply the preference model embedded is not embedded again for the refusal detector, and
     * commands run one after another in one JVM (tests, the workbench) reuse what came before.
     */
    private static final Map<Kind, Embedder> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A private embedder with its own model and cache: for benchmarks that measure a cold start. */
    public Embedder(Kind kind) {
        this.kind = kind;
        this.model = kind.factory.get();
    }

    /** This JVM's embedder for {@code kind}, loaded on first use. */
    public static Embedder shared(Kind kind) {
        return SHARED.computeIfAbsent(kind, Embedder::new);
    }

    public Kind kind() {
        return kind;
    }

    /** Unit-length embeddings of the texts, in order; texts seen before come from the cache. */
    public List<float[]> embed(List<String> texts) {
        List<String> keys = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        synchronized (cache) {
            for (String text : texts) {
                String key = hash(text);
                keys.add(key);
                if (!cache.containsKey(key) && !missingKeys.contains(key)) {
                    missing.add(text);
                    missingKeys.add(key);
                }
            }
        }
        for (int start = 0; start < missing.size(); start += BATCH) {
            List<String> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
            List<float[]> vectors = raw(batch);
            synchronized (cache) {
                for (int i = 0; i < batch.size(); i++) {
                    cache.put(missingKeys.get(start + i), vectors.get(i));
                }
            }
        }
        List<float[]> result = new ArrayList<>(texts.size());
        synchronized (cache) {
            for (int i = 0; i < keys.size(); i++) {
                float[] vector = cache.get(keys.get(i));
                result.add(vector != null ? vector : raw(List.of(texts.get(i))).get(0)); // evicted meanwhile
            }
        }
        return result;
    }

    /** Embeddings straight from the model, no cache: what the benchmark compares against. */
    public List<float[]> raw(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(text -> TextSegment.from(text.isBlank() ? "(empty)" : text)).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(normalised(embedding.vector()));
        }
        return vectors;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = vector.clone();
        if (norm > 0) {
            for (int i = 0; i < unit.length; i++) {
                unit[i] /= norm;
            }
        }
        return unit;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
