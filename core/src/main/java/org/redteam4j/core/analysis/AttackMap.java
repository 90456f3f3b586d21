package org.redteam4j.core.analysis;

import java.util.List;

/**
 * The paper's Fig. 2: every attempt as a point in two dimensions (its description embedded and
 * projected), grouped into clusters named by their most distinctive words.
 */
public record AttackMap(String method, List<Point> points, List<Cluster> clusters) {

    public AttackMap {
        points = List.copyOf(points);
        clusters = List.copyOf(clusters);
    }

    /** One attempt on the map, with what the map's tooltip shows: its description and self-rating. */
    public record Point(float x, float y, int cluster, boolean successful, String description, double rating) {
    }

    /**
     * A cluster: its label words, how many attempts it holds and how many of them succeeded (rating ≥ 3);
     * {@code x, y} is one of its own points (the one nearest its coordinate-wise median), so a label put
     * there sits on the cluster, never in the empty space between the parts of a crescent-shaped one.
     */
    public record Cluster(int id, List<String> words, int attempts, int successful, float x, float y) {

        public Cluster {
            words = List.copyOf(words);
        }

        public String label() {
            return words.isEmpty() ? "cluster " + id : String.join(" · ", words);
        }
    }
}
