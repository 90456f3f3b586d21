package org.redteam4j.models.pm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.scoring.ReplyInContext;

/** Turns replies in context into feature vectors, embedding all texts of a batch at once. */
public final class Featurizer {

    private final FeatureSpec spec;
    private final Map<Embedder.Kind, Embedder> embedders;

    public Featurizer(FeatureSpec spec, Map<Embedder.Kind, Embedder> embedders) {
        for (Embedder.Kind kind : spec.embedders()) {
            if (!embedders.containsKey(kind)) {
                throw new IllegalArgumentException("no embedder for " + kind.id());
            }
        }
        this.spec = spec;
        this.embedders = Map.copyOf(embedders);
    }

    public FeatureSpec spec() {
        return spec;
    }

    public double[][] features(List<ReplyInContext> items) {
        double[][] rows = new double[items.size()][spec.dimension()];
        int[] filled = new int[items.size()];
        List<String> replies = items.stream().map(ReplyInContext::reply).toList();
        List<String> humans = items.stream().map(ReplyInContext::lastHuman).toList();
        for (Embedder.Kind kind : spec.embedders()) {
            Embedder embedder = embedders.get(kind);
            List<float[]> r = embedder.embed(replies);
            List<float[]> h = spec.interactions() ? embedder.embed(humans) : List.of();
            List<float[]> j = spec.joint() ? embedder.embed(joined(items)) : List.of();
            for (int i = 0; i < items.size(); i++) {
                double[] row = rows[i];
                float[] reply = r.get(i);
                int at = filled[i];
                for (float v : reply) {
                    row[at++] = v;
                }
                if (spec.interactions()) {
                    float[] human = h.get(i);
                    double cosine = 0;
                    for (int d = 0; d < reply.length; d++) {
                        row[at++] = reply[d] * human[d];
                        cosine += reply[d] * human[d];
                    }
                    row[at++] = cosine;
                }
                if (spec.joint()) {
                    for (float value : j.get(i)) {
                        row[at++] = value;
                    }
                }
                filled[i] = at;
            }
        }
        if (spec.lexical()) {
            for (int i = 0; i < items.size(); i++) {
                double[] lexical = LexicalFeatures.of(items.get(i).reply(), items.get(i).lastHuman());
                System.arraycopy(lexical, 0, rows[i], filled[i], lexical.length);
            }
        }
        return rows;
    }

    /** Request and reply as one text, the way the two appear in a transcript. */
    private static List<String> joined(List<ReplyInContext> items) {
        return items.stream().map(item -> "Human: " + item.lastHuman() + "\nAssistant: " + item.reply()).toList();
    }

    /** The embedders this featurizer needs, built once. */
    public static Map<Embedder.Kind, Embedder> embeddersFor(FeatureSpec spec) {
        Map<Embedder.Kind, Embedder> built = new java.util.EnumMap<>(Embedder.Kind.class);
        for (Embedder.Kind kind : spec.embedders()) {
            built.put(kind, Embedder.shared(kind));
        }
        return built;
    }

    static List<ReplyInContext> both(List<ReplyInContext> first, List<ReplyInContext> second) {
        List<ReplyInContext> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
