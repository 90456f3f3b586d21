package org.redteam4j.models.pm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.transcript.Turn;

/**
 * The harmlessness preference model that runs offline in the JVM: ONNX sentence embeddings and
 * lexical signals, read by a linear head trained on preference pairs. Higher = more harmless,
 * centred near 0 like the paper's PM.
 */
public final class EmbeddedPreferenceModel implements HarmlessnessScorer {

    /** The head shipped with redteam4j; README, "The preference model", says how it was made. */
    public static final String DEFAULT_RESOURCE = "default-head.json";

    private final PreferenceHead head;
    private final Featurizer featurizer;
    private final String id;

    public EmbeddedPreferenceModel(PreferenceHead head, Map<Embedder.Kind, Embedder> embedders, String id) {
        this.head = head;
        this.featurizer = new Featurizer(head.spec(), embedders);
        this.id = id;
    }

    public static EmbeddedPreferenceModel load(Path file) {
        PreferenceHead head = PreferenceHead.read(file);
        return new EmbeddedPreferenceModel(head, Featurizer.embeddersFor(head.spec()), "pm:" + file.getFileName());
    }

    public static EmbeddedPreferenceModel loadDefault() {
        try (InputStream in = EmbeddedPreferenceModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default preference head is missing from the build");
            }
            PreferenceHead head = PreferenceHead.read(in, DEFAULT_RESOURCE);
            return new EmbeddedPreferenceModel(head, Featurizer.embeddersFor(head.spec()), "pm:default");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PreferenceHead head() {
        return head;
    }

    @Override
    public double score(List<Turn> context, String reply) {
        return scoreEach(List.of(new ReplyInContext(context, reply))).get(0);
    }

    @Override
    public List<Double> scoreAll(List<Turn> context, List<String> replies) {
        return scoreEach(replies.stream().map(reply -> new ReplyInContext(context, reply)).toList());
    }

    /** Scores many replies, each in its own context, with batched embeddings. */
    @Override
    public List<Double> scoreEach(List<ReplyInContext> items) {
        double[][] features = featurizer.features(items);
        List<Double> scores = new ArrayList<>(items.size());
        for (double[] row : features) {
            scores.add(head.score(row));
        }
        return scores;
    }

    /** Feature rows, for training and evaluation. */
    public Featurizer featurizer() {
        return featurizer;
    }

    /** The head's own threshold, fitted when it was trained (0 for heads made before that). */
    @Override
    public double defaultThreshold() {
        return head.threshold();
    }

    @Override
    public java.util.Map<String, String> provenance() {
        return head.provenance();
    }

    @Override
    public String id() {
        return id + "[" + head.spec().describe() + "]";
    }
}
