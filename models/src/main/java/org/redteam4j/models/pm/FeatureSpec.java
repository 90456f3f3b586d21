package org.redteam4j.models.pm;

import java.util.List;

/**
 * Which signals a preference head reads: the reply's embedding from each model; optionally its
 * elementwise product with the human's last message and their cosine ({@code interactions}), and
 * the embedding of request and reply read together ({@code joint}) — context alone cancels out of
 * a comparison, so the head sees it only through what the reply does to it; and the lexical signals.
 */
public record FeatureSpec(List<Embedder.Kind> embedders, boolean interactions, boolean joint, boolean lexical) {

    public FeatureSpec(List<Embedder.Kind> embedders, boolean interactions, boolean lexical) {
        this(embedders, interactions, false, lexical);
    }

    public FeatureSpec {
        embedders = List.copyOf(embedders);
        if (embedders.isEmpty() && !lexical) {
            throw new IllegalArgumentException("a feature spec needs at least one embedder or the lexical signals");
        }
    }

    public int dimension() {
        int n = lexical ? LexicalFeatures.COUNT : 0;
        for (Embedder.Kind kind : embedders) {
            n += kind.dimension() + (interactions ? kind.dimension() + 1 : 0) + (joint ? kind.dimension() : 0);
        }
        return n;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Embedder.Kind kind : embedders) {
            text.append(text.isEmpty() ? "" : " + ").append(kind.id()).append(" (reply")
                    .append(interactions ? ", reply×context" : "").append(joint ? ", context+reply" : "").append(")");
        }
        if (lexical) {
            text.append(text.isEmpty() ? "" : " + ").append("lexical");
        }
        return text.toString();
    }
}
