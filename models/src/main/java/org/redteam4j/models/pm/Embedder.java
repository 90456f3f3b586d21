package org.redteam4j.models.pm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.transcript.Transcript;

/**
 * A sentence-embedding model from its Maven artifact, run in process by ONNX Runtime, with a
 * bounded cache keyed by the text's hash: red-team data repeats itself (task descriptions, shared
 * prefixes), so each text is embedded once. Texts run one per ONNX Runtime call, as many at once
 * as the machine has cores; every embedding is a pure function of its text. Thread-safe.
 */
public final class Embedder implements AutoCloseable {

    /** The embedding models that ship as Maven artifacts (LangChain4j's packaging of them). */
    public enum Kind {
        MINILM("all-minilm-l6-v2-q", "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
                OnnxSentenceEncoder.Pooling.MEAN, ""),
        BGE_SMALL("bge-small-en-v1.5-q", "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel",
                OnnxSentenceEncoder.Pooling.CLS, ""),
        /** E5 was trained with every text after "query: " (or "passage: "), so it reads them that way. */
        E5_SMALL("e5-small-v2-q", "dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel",
                OnnxSentenceEncoder.Pooling.MEAN, "query: ");

        private final String id;
        /** A class of the model's artifact: its class loader finds the model files. Named, so a build without them runs. */
        private final String artifact;
        private final OnnxSentenceEncoder.Pooling pooling;
        private final String prefix;

        Kind(String id, String artifact, OnnxSentenceEncoder.Pooling pooling, String prefix) {
            this.id = id;
            this.artifact = artifact;
            this.pooling = pooling;
            this.prefix = prefix;
        }

        public String id() {
            return id;
        }

        public int dimension() {
            return 384;
        }

        public static Kind fromId(String id) {
            return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown embedding model '" + id + "'"));
        }

        /** The ONNX model file from its artifact, for benchmarks that run it their own way. */
        public java.io.InputStream openModel() {
            return artifactLoader().getResourceAsStream(id + ".onnx");
        }

        OnnxSentenceEncoder load() {
            return new OnnxSentenceEncoder(artifactLoader(), id + ".onnx", id + "-tokenizer.json", pooling, 1);
        }

        /** Fails with the dependency to add when this model's artifact or ONNX Runtime is not on the class path. */
        public void requireAvailable() {
            artifactLoader();
        }

        /**
         * The library API leaves the ONNX models out (they are large): a user adds them on purpose,
         * and a campaign that needs them without them says which dependency to add.
         */
        private ClassLoader artifactLoader() {
            try {
                Class.forName("ai.onnxruntime.OrtEnvironment", false, Embedder.class.getClassLoader());
                return Class.forName(artifact, false, Embedder.class.getClassLoader()).getClassLoader();
            } catch (ClassNotFoundException e) {
                throw new org.redteam4j.core.failure.BadInput("the embedding model " + id + " is not on the class path: the "
                        + "offline judges (refusal, harm), the preference model (pm, rejection sampling) and multi-turn "
                        + "backtracking run it; add the dependency org.redteam4j:redteam4j-offline-judges", e);
            }
        }
    }

    /** Of a window too short for context and reply, the reply keeps at least this share (its start). */
    static final double REPLY_SHARE = 0.75;

    private static final int CACHE_ENTRIES = 50_000;

    /** One pool for every embedder: the runs are CPU-bound, so more threads than cores only wait. */
    private static final ExecutorService RUNS = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
        Thread thread = new Thread(task, "redteam4j-embedding");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * One embedder per model in this JVM. An embedding is a pure function of the text, so every
     * scorer, detector and map may share the model (hundreds of MB, seconds to load) and its cache:
     * a reply the preference model embedded is not embedded again for the refusal detector, and
     * commands run one after another in one JVM (tests, the workbench) reuse what came before.
     */
    private static final Map<Kind, Embedder> SHARED = new ConcurrentHashMap<>();

    private final Kind kind;
    private final OnnxSentenceEncoder encoder;
    private final java.util.concurrent.atomic.AtomicLong computations = new java.util.concurrent.atomic.AtomicLong();
    /** Embeddings being computed now, by key; guarded by {@code cache}'s lock. */
    private final Map<String, CompletableFuture<float[]>> inFlight = new HashMap<>();
    private final Map<String, float[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /** A private embedder with its own model and cache: for benchmarks that measure a cold start. */
    public Embedder(Kind kind) {
        this.kind = kind;
        this.encoder = kind.load();
    }

    /** This JVM's embedder for {@code kind}, loaded on first use. */
    public static Embedder shared(Kind kind) {
        kind.requireAvailable(); // before any ONNX Runtime class loads: without the artifacts, say which to add
        return SHARED.computeIfAbsent(kind, Embedder::new);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Unit-length sentence embeddings of the texts, in order; a text longer than the model's window
     * keeps its start. Texts seen before come from the cache.
     */
    public List<float[]> embed(List<String> texts) {
        return cached(texts, text -> "T" + text, this::compute);
    }

    /**
     * Each reply read after its conversation in one window: the conversation in the hh-rlhf text
     * format, then the reply. When both do not fit, the reply keeps its start — all of it when the
     * context is short, at least {@link #REPLY_SHARE} of the window otherwise — and the
     * conversation its end, the part the reply answers.
     */
    public List<float[]> embedInContext(List<ReplyInContext> items) {
        return cached(items, item -> "C" + Transcript.of(item.context()).text() + "\u0000" + item.reply(), this::compute);
    }

    /** Embeddings straight from the model, no cache: for tests that check what runs beside a text. */
    public List<float[]> raw(List<String> texts) {
        return inParallel(texts, this::compute);
    }

    /** How many texts this embedder ran through its model (cache misses): for tests. */
    long computations() {
        return computations.get();
    }

    private float[] compute(String text) {
        computations.incrementAndGet();
        return encoder.embed(sentence(text));
    }

    /** A text's tokens as the model reads it alone: its start, as much as fits. */
    private long[] sentence(String text) {
        long[] tokens = encoder.tokens(kind.prefix + (text.isBlank() ? "(empty)" : text));
        return Arrays.copyOf(tokens, Math.min(tokens.length, encoder.budget()));
    }

    /** The model inputs (token ids, special tokens included) {@link #embed} runs: for benchmarks. */
    public List<long[]> inputs(List<String> texts) {
        return texts.stream().map(text -> encoder.input(sentence(text))).toList();
    }

    /** The model inputs (token ids, special tokens included) {@link #embedInContext} runs: for benchmarks. */
    public List<long[]> windows(List<ReplyInContext> items) {
        return items.stream().map(item -> encoder.input(window(item))).toList();
    }

    private float[] compute(ReplyInContext item) {
        computations.incrementAndGet();
        return encoder.embed(window(item));
    }

    /** The window's tokens: the model's prefix if it has one, the context's end, the reply's start. */
    private long[] window(ReplyInContext item) {
        String conversation = Transcript.of(item.context()).text().strip();
        long[] context = encoder.tokens(conversation.isEmpty() ? "Assistant:" : conversation + "\n\nAssistant:");
        long[] reply = encoder.tokens(item.reply().isBlank() ? "(empty)" : item.reply());
        long[] prefix = kind.prefix.isEmpty() ? new long[0] : encoder.tokens(kind.prefix.strip());
        int budget = encoder.budget() - prefix.length;
        int replyTokens = Math.min(reply.length, Math.max(budget - context.length, (int) (budget * REPLY_SHARE)));
        int contextTokens = Math.min(context.length, budget - replyTokens);
        long[] window = new long[prefix.length + contextTokens + replyTokens];
        System.arraycopy(prefix, 0, window, 0, prefix.length);
        System.arraycopy(context, context.length - contextTokens, window, prefix.length, contextTokens);
        System.arraycopy(reply, 0, window, prefix.length + contextTokens, replyTokens);
        return window;
    }

    /**
     * Embeddings from the cache, else computed — once: a text another thread is embedding right
     * now is waited for rather than embedded again. (Two hundred members who send the same first
     * message to a cold cache made two hundred copies of each embedding queue for two cores.)
     */
    private <T> List<float[]> cached(List<T> items, Function<T, String> key, Function<T, float[]> compute) {
        List<String> keys = new ArrayList<>(items.size());
        Map<String, float[]> found = new HashMap<>();
        Map<String, T> missing = new LinkedHashMap<>();
        Map<String, CompletableFuture<float[]>> others = new HashMap<>();
        Map<String, CompletableFuture<float[]>> ours = new LinkedHashMap<>();
        synchronized (cache) {
            for (T item : items) {
                String hash = hash(key.apply(item));
                keys.add(hash);
                float[] vector = cache.get(hash);
                if (vector != null) {
                    found.put(hash, vector);
                } else if (inFlight.containsKey(hash) && !ours.containsKey(hash)) {
                    others.put(hash, inFlight.get(hash));
                } else if (missing.putIfAbsent(hash, item) == null) {
                    CompletableFuture<float[]> future = new CompletableFuture<>();
                    inFlight.put(hash, future);
                    ours.put(hash, future);
                }
            }
        }
        List<String> missingKeys = new ArrayList<>(missing.keySet());
        List<float[]> computed;
        try {
            computed = inParallel(new ArrayList<>(missing.values()), compute); // outside the lock
        } catch (RuntimeException e) {
            synchronized (cache) {
                ours.forEach((hash, future) -> {
                    inFlight.remove(hash);
                    future.completeExceptionally(e);
                });
            }
            throw e;
        }
        synchronized (cache) {
            for (int i = 0; i < missingKeys.size(); i++) {
                cache.put(missingKeys.get(i), computed.get(i));
                found.put(missingKeys.get(i), computed.get(i));
                inFlight.remove(missingKeys.get(i));
            }
        }
        for (int i = 0; i < missingKeys.size(); i++) {
            ours.get(missingKeys.get(i)).complete(computed.get(i));
        }
        others.forEach((hash, future) -> found.put(hash, awaitOther(future)));
        return keys.stream().map(found::get).toList();
    }

    private static float[] awaitOther(CompletableFuture<float[]> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingFailure("interrupted while embedding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new EmbeddingFailure("embedding failed: " + e.getCause(), e.getCause());
        }
    }

    private static <T> List<float[]> inParallel(List<T> items, Function<T, float[]> compute) {
        if (items.size() <= 1) {
            return items.stream().map(compute).toList();
        }
        List<Future<float[]>> runs = new ArrayList<>(items.size());
        for (T item : items) {
            runs.add(RUNS.submit(() -> compute.apply(item)));
        }
        List<float[]> results = new ArrayList<>(items.size());
        try {
            for (Future<float[]> run : runs) {
                results.add(run.get());
            }
        } catch (InterruptedException e) {
            runs.forEach(run -> run.cancel(true));
            Thread.currentThread().interrupt();
            throw new EmbeddingFailure("interrupted while embedding", e);
        } catch (ExecutionException e) {
            runs.forEach(run -> run.cancel(true));
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new EmbeddingFailure("embedding failed: " + e.getCause(), e.getCause());
        }
        return results;
    }

    /** Releases this embedder's ONNX session (not for the shared ones, which live as long as the JVM). */
    @Override
    public void close() {
        encoder.close();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
