package org.redteam4j.models.classifier;

import java.util.List;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.refusal.RefusalPhrases;

/**
 * Which features a classifier head reads (see {@link ClassifierFeatures}).
 *
 * @param spec      the preference model's features: embeddings of the reply and of request and reply in one window, lexical signals
 * @param opening   the embedding of the reply's first two sentences alone
 * @param relevance the reply's and the request's embeddings multiplied coordinate by coordinate, and their cosine:
 *                  whether the reply is about what was asked, at the cost of embedding each distinct request once
 * @param phrases   the curated refusal phrases in the reply's opening
 */
public record Design(FeatureSpec spec, boolean opening, boolean relevance, boolean phrases) {

    /** Summaries after the per-phrase indicators. */
    static final int PHRASE_SUMMARIES = 3;

    public Design {
        if ((opening || relevance) && spec.embedders().isEmpty()) {
            throw new IllegalArgumentException("the opening's and the request's embeddings need an embedding model");
        }
    }

    public List<Embedder.Kind> embedders() {
        return spec.embedders();
    }

    public int dimension(RefusalPhrases list) {
        int models = spec.embedders().stream().mapToInt(Embedder.Kind::dimension).sum();
        return spec.dimension() + (opening ? models : 0) + (relevance ? models + spec.embedders().size() : 0)
                + (phrases ? list.phrases().size() + PHRASE_SUMMARIES : 0);
    }

    public String describe() {
        return spec.describe() + (opening ? " + opening" : "") + (relevance ? " + reply x request" : "")
                + (phrases ? " + refusal phrases" : "");
    }
}
