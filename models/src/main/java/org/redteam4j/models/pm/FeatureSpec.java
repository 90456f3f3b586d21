package org.redteam4j.models.pm;

import java.util.List;

/**
 * Which signals a preference head reads: from each embedding model, the reply read alone
 * ({@code reply}) and request and reply read together in one window ({@code joint}: the human's
 * last message keeps its end, the reply its start — see {@link Embedder#embedInContext}); and the
 * lexical signals. Context alone cancels out of a comparison, so the head sees it only through what
 * the reply does to it.
 */
public record FeatureSpec(List<Embedder.Kind> embedders, boolean reply, boolean joint, boolean lexical) {

    public FeatureSpec {
        embedders = List.copyOf(embedders);
        if (!embedders.isEmpty() && !reply && !joint) {
            throw new IllegalArgumentException("an embedding model needs the reply or the joint embedding");
        }
        if (embedders.isEmpty() && !lexical) {
            throw new IllegalArgumentException("a feature spec needs at least one embedder or the lexical signals");
        }
    }

    /** The lexical signals alone: no model to load, for tests and quick baselines. */
    public static FeatureSpec lexicalOnly() {
        return new FeatureSpec(List.of(), false, false, true);
    }

    public int dimension() {
        int n = lexical ? LexicalFeatures.COUNT : 0;
        for (Embedder.Kind kind : embedders) {
            n += (reply ? kind.dimension() : 0) + (joint ? kind.dimension() : 0);
        }
        return n;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Embedder.Kind kind : embedders) {
            text.append(text.isEmpty() ? "" : " + ").append(kind.id()).append(" (")
                    .append(reply ? "reply" : "").append(reply && joint ? ", " : "").append(joint ? "request+reply" : "").append(")");
        }
        if (lexical) {
            text.append(text.isEmpty() ? "" : " + ").append("lexical");
        }
        return text.toString();
    }
}
