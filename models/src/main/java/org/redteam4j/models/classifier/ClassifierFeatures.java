package org.redteam4j.models.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.Featurizer;
import org.redteam4j.models.refusal.RefusalPhrases;

/**
 * A classifier's feature rows, in the order of its {@link Design}: the preference model's features
 * ({@link Featurizer}); the embedding of the reply's opening (where replies say that they refuse,
 * undiluted by a long lecture or answer after it); the reply's embedding times the request's,
 * coordinate by coordinate, and their cosine; one indicator per curated refusal phrase in the
 * opening and three summaries (a phrase at the very start, any in the opening, how many anywhere).
 * A batch embeds at once; every embedding comes from the shared, cached {@link Embedder}s, so the
 * refusal and harm classifiers reading the same reply embed it once.
 */
public final class ClassifierFeatures {

    private final Design design;
    private final RefusalPhrases list;
    /** Loaded at the first batch: a dry run builds judges it never calls, and must not load a model for them. */
    private volatile Featurizer base;

    public ClassifierFeatures(Design design, RefusalPhrases list) {
        design.embedders().forEach(Embedder.Kind::requireAvailable); // at construction, before any attack runs
        this.design = design;
        this.list = list;
    }

    public Design design() {
        return design;
    }

    public int dimension() {
        return design.dimension(list);
    }

    public String describe() {
        return design.describe();
    }

    /** The request that matters is the human's last message: {@link Featurizer#requestAndReply}. */
    public double[][] rows(List<ReplyInContext> items) {
        if (items.isEmpty()) {
            return new double[0][];
        }
        double[][] embedded = base().features(Featurizer.requestAndReply(items));
        List<String> replies = items.stream().map(ReplyInContext::reply).toList();
        List<List<float[]>> openings = new ArrayList<>();
        List<List<float[]>> replyVectors = new ArrayList<>();
        List<List<float[]>> requestVectors = new ArrayList<>();
        for (Embedder.Kind kind : design.embedders()) {
            Embedder embedder = Embedder.shared(kind);
            if (design.opening()) {
                openings.add(embedder.embed(replies.stream().map(RefusalPhrases::opening).toList()));
            }
            if (design.relevance()) {
                replyVectors.add(embedder.embed(replies));
                requestVectors.add(embedder.embed(items.stream().map(item -> item.lastHuman().isBlank() ? "(none)" : item.lastHuman()).toList()));
            }
        }
        double[][] rows = new double[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            double[] row = Arrays.copyOf(embedded[i], dimension());
            int at = embedded[i].length;
            for (List<float[]> vectors : openings) {
                for (float value : vectors.get(i)) {
                    row[at++] = value;
                }
            }
            for (int m = 0; m < replyVectors.size(); m++) {
                float[] reply = replyVectors.get(m).get(i);
                float[] request = requestVectors.get(m).get(i);
                double cosine = 0;
                for (int j = 0; j < reply.length; j++) {
                    double product = reply[j] * request[j];
                    row[at++] = product;
                    cosine += product; // both unit length
                }
                row[at++] = cosine;
            }
            if (design.phrases()) {
                phrases(items.get(i).reply(), row, at);
            }
            rows[i] = row;
        }
        return rows;
    }

    private void phrases(String reply, double[] row, int at) {
        String opening = RefusalPhrases.opening(reply);
        String whole = RefusalPhrases.normalised(reply);
        int n = list.phrases().size();
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

    private Featurizer base() {
        Featurizer loaded = base;
        if (loaded == null) {
            synchronized (this) {
                if (base == null) {
                    base = new Featurizer(design.spec(), Featurizer.embeddersFor(design.spec()));
                }
                loaded = base;
            }
        }
        return loaded;
    }
}
