package org.redteam4j.models.classifier;

import java.util.List;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.pm.Featurizer;
import org.redteam4j.models.refusal.RefusalPhrases;

/**
 * A classifier's feature rows: the preference model's features ({@link FeatureSpec}: embeddings of
 * the reply and of request and reply in one window, and its lexical signals); when {@code opening}
 * is set, the embedding of the reply's first two sentences alone (where replies say that they
 * refuse, undiluted by a long lecture or answer after it); when {@code phrases} is set, one
 * indicator per curated refusal phrase in the reply's opening and three summaries (a phrase at the
 * very start, anywhere in the opening, how many anywhere). Batches embed at once.
 */
public final class ClassifierFeatures {

    /** Summaries after the per-phrase indicators. */
    static final int SUMMARIES = 3;

    private final FeatureSpec spec;
    private final boolean opening;
    private final boolean phrases;
    private final RefusalPhrases list;
    /** Loaded at the first batch: a dry run builds judges it never calls, and must not load a model for them. */
    private volatile Featurizer base;

    public ClassifierFeatures(FeatureSpec spec, boolean opening, boolean phrases, RefusalPhrases list) {
        if (opening && spec.embedders().isEmpty()) {
            throw new IllegalArgumentException("the opening's embedding needs an embedding model");
        }
        this.spec = spec;
        this.opening = opening;
        this.phrases = phrases;
        this.list = list;
    }

    private Featurizer base() {
        Featurizer loaded = base;
        if (loaded == null) {
            synchronized (this) {
                if (base == null) {
                    base = new Featurizer(spec, Featurizer.embeddersFor(spec));
                }
                loaded = base;
            }
        }
        return loaded;
    }

    public FeatureSpec spec() {
        return spec;
    }

    public boolean phrases() {
        return phrases;
    }

    public static int dimension(FeatureSpec spec, boolean opening, boolean phrases, RefusalPhrases list) {
        int embedded = opening ? spec.embedders().stream().mapToInt(Embedder.Kind::dimension).sum() : 0;
        return spec.dimension() + embedded + (phrases ? list.phrases().size() + SUMMARIES : 0);
    }

    public int dimension() {
        return dimension(spec, opening, phrases, list);
    }

    public String describe() {
        return describe(spec, opening, phrases);
    }

    public static String describe(FeatureSpec spec, boolean opening, boolean phrases) {
        return spec.describe() + (opening ? " + opening" : "") + (phrases ? " + refusal phrases" : "");
    }

    /** The request that matters is the human's last message: {@link Featurizer#requestAndReply}. */
    public double[][] rows(List<ReplyInContext> items) {
        if (items.isEmpty()) {
            return new double[0][];
        }
        double[][] embedded = base().features(Featurizer.requestAndReply(items));
        List<List<float[]>> openings = new java.util.ArrayList<>();
        if (opening) {
            List<String> texts = items.stream().map(item -> RefusalPhrases.opening(item.reply())).toList();
            for (Embedder.Kind kind : spec.embedders()) {
                openings.add(Embedder.shared(kind).embed(texts));
            }
        }
        int n = list.phrases().size();
        double[][] rows = new double[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            double[] row = java.util.Arrays.copyOf(embedded[i], dimension());
            int at = embedded[i].length;
            for (List<float[]> vectors : openings) {
                for (float value : vectors.get(i)) {
                    row[at++] = value;
                }
            }
            rows[i] = row;
            if (!phrases) {
                continue;
            }
            String reply = items.get(i).reply();
            String opening = RefusalPhrases.opening(reply);
            String whole = RefusalPhrases.normalised(reply);
            boolean any = false;
            boolean first = false;
            int anywhere = 0;
            for (int p = 0; p < n; p++) {
                String phrase = list.phrases().get(p);
                boolean inOpening = opening.contains(phrase);
                row[at + p] = inOpening ? 1 : 0;
                any |= inOpening;
                first |= opening.startsWith(phrase);
                anywhere += whole.contains(phrase) ? 1 : 0;
            }
            row[at + n] = first ? 1 : 0;
            row[at + n + 1] = any ? 1 : 0;
            row[at + n + 2] = Math.min(5, anywhere) / 5.0;
        }
        return rows;
    }
}
