package org.redteam4j.models.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.redteam4j.core.analysis.AttackMap;
import org.redteam4j.core.analysis.ClassTfIdf;
import org.redteam4j.models.pm.Embedder;
import tagbio.umap.Umap;

/**
 * Builds the attack map: each attempt's description embedded with MiniLM, projected to two
 * dimensions with UMAP, clustered with k-means++ in the projection (as the paper's figure groups
 * what the eye sees), and each cluster named by class-based TF-IDF. Seeded, so a report is
 * reproducible.
 */
public final class AttackMapper {

    /** Below this many attempts a map says nothing a table does not. */
    public static final int MIN_ATTEMPTS = 30;
    private static final int NEIGHBOURS = 15;
    private static final int LABEL_WORDS = 4;

    private final Embedder embedder;
    private final long seed;

    public AttackMapper(Embedder embedder, long seed) {
        this.embedder = embedder;
        this.seed = seed;
    }

    /**
     * The map of the attempts, given each one's text, self-rating and success; {@code progress} hears
     * each phase as it starts. Throws if there are fewer than {@link #MIN_ATTEMPTS} attempts.
     */
    public AttackMap map(List<String> texts, List<Double> ratings, List<Boolean> successful, Consumer<String> progress) {
        if (texts.size() != successful.size() || texts.size() != ratings.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + ratings.size() + " ratings and "
                    + successful.size() + " outcomes");
        }
        if (texts.size() < MIN_ATTEMPTS) {
            throw new IllegalArgumentException("an attack map needs at least " + MIN_ATTEMPTS + " attempts, got " + texts.size());
        }
        progress.accept("embedding " + texts.size() + " attempt descriptions (" + embedder.kind().id() + ")");
        float[][] vectors = embedder.embed(texts).toArray(float[][]::new);
        progress.accept("projecting to 2-D with UMAP");
        // Euclidean on unit vectors ranks neighbours as cosine does; the library's angular forest fails on large inputs.
        float[][] xy = new Umap().setNumberComponents(2).setNumberNearestNeighbours(Math.min(NEIGHBOURS, texts.size() - 1))
                .setMetric("euclidean").setSeed(seed).setThreads(Math.max(1, Runtime.getRuntime().availableProcessors()))
                .fitTransform(vectors);
        progress.accept("clustering and naming clusters");
        int[] clusters = cluster(xy, clusterCount(texts.size()));
        Map<Integer, List<String>> words = ClassTfIdf.topWords(texts, clusters, LABEL_WORDS);
        List<AttackMap.Point> points = new ArrayList<>(texts.size());
        int k = words.size();
        int[] attempts = new int[k];
        int[] hits = new int[k];
        for (int i = 0; i < xy.length; i++) {
            points.add(new AttackMap.Point(xy[i][0], xy[i][1], clusters[i], successful.get(i), texts.get(i), ratings.get(i)));
            attempts[clusters[i]]++;
            hits[clusters[i]] += successful.get(i) ? 1 : 0;
        }
        List<AttackMap.Cluster> named = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            float[] at = labelPoint(xy, clusters, c);
            named.add(new AttackMap.Cluster(c, words.get(c), attempts[c], hits[c], at[0], at[1]));
        }
        return new AttackMap("MiniLM-L6 embeddings → UMAP (" + NEIGHBOURS + " neighbours, seed " + seed
                + ") → k-means++ (k = " + k + ") → class-based TF-IDF labels", points, named);
    }

    /**
     * Where cluster {@code c}'s label goes: its own point nearest the coordinate-wise median of its
     * points. A centroid can fall in empty space (a ring, a crescent, two blobs k-means joined); the
     * median resists outliers and the nearest point is on the cluster.
     */
    static float[] labelPoint(float[][] xy, int[] clusters, int c) {
        List<float[]> own = new ArrayList<>();
        for (int i = 0; i < xy.length; i++) {
            if (clusters[i] == c) {
                own.add(xy[i]);
            }
        }
        float mx = median(own, 0);
        float my = median(own, 1);
        float[] best = own.get(0);
        double bestDistance = Double.POSITIVE_INFINITY;
        for (float[] p : own) {
            double d = (p[0] - mx) * (double) (p[0] - mx) + (p[1] - my) * (double) (p[1] - my);
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return best;
    }

    private static float median(List<float[]> points, int axis) {
        float[] values = new float[points.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = points.get(i)[axis];
        }
        java.util.Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** About one cluster per 200 attempts, between 2 and 12 so the legend stays legible. */
    static int clusterCount(int attempts) {
        return (int) Math.max(2, Math.min(12, Math.round(Math.sqrt(attempts) / 4)));
    }

    /** Cluster ids ordered by size, largest first. */
    private int[] cluster(float[][] xy, int k) {
        List<Located> located = new ArrayList<>(xy.length);
        for (int i = 0; i < xy.length; i++) {
            located.add(new Located(i, new double[] {xy[i][0], xy[i][1]}));
        }
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        List<CentroidCluster<Located>> found = new ArrayList<>(
                new KMeansPlusPlusClusterer<Located>(k, 100, new EuclideanDistance(), random).cluster(located));
        found.removeIf(c -> c.getPoints().isEmpty());
        found.sort(Comparator.comparingInt((CentroidCluster<Located> c) -> c.getPoints().size()).reversed());
        int[] clusters = new int[xy.length];
        for (int c = 0; c < found.size(); c++) {
            for (Located point : found.get(c).getPoints()) {
                clusters[point.index()] = c;
            }
        }
        return clusters;
    }

    private record Located(int index, double[] coordinates) implements Clusterable {
        @Override
        public double[] getPoint() {
            return coordinates;
        }
    }
}
