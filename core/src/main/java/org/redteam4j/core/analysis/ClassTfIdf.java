package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Class-based TF-IDF (Grootendorst, BERTopic): all documents of a cluster form one class, and a
 * word's weight in a class is {@code tf(t,c) / words(c) · log(1 + A / f(t))}, where A is the mean
 * number of words per class and f(t) the word's count over all classes. The top words name the
 * cluster: frequent in it, rare elsewhere.
 */
public final class ClassTfIdf {

    /** Function words that would otherwise top every cluster. */
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "that", "this", "with", "was", "were", "are", "you", "your", "his", "her", "its",
            "they", "them", "their", "have", "has", "had", "not", "but", "can", "could", "would", "should", "will",
            "what", "how", "why", "who", "which", "when", "where", "from", "into", "about", "get", "got", "did", "does",
            "just", "some", "any", "all", "one", "out", "there", "then", "than", "also", "very", "more", "much", "like",
            "been", "being", "our", "she", "him", "tried", "try", "trying", "asked", "ask", "asking", "wanted", "want",
            "model", "assistant", "bot", "see", "way", "attempt", "it's", "i'm", "don't", "make", "know", "other");

    private ClassTfIdf() {
    }

    /** The {@code top} most distinctive words of each cluster, by cluster id; clusters without words get none. */
    public static Map<Integer, List<String>> topWords(List<String> documents, int[] clusters, int top) {
        if (documents.size() != clusters.length) {
            throw new IllegalArgumentException("one cluster per document: " + documents.size() + " documents, "
                    + clusters.length + " clusters");
        }
        Map<Integer, Map<String, Integer>> counts = new TreeMap<>();
        Map<String, Integer> overall = new HashMap<>();
        for (int i = 0; i < clusters.length; i++) {
            Map<String, Integer> cluster = counts.computeIfAbsent(clusters[i], c -> new HashMap<>());
            for (String word : words(documents.get(i))) {
                cluster.merge(word, 1, Integer::sum);
                overall.merge(word, 1, Integer::sum);
            }
        }
        double meanWords = counts.values().stream().mapToLong(ClassTfIdf::total).average().orElse(0);
        Map<Integer, List<String>> labels = new TreeMap<>();
        counts.forEach((cluster, words) -> {
            long total = total(words);
            List<Map.Entry<String, Double>> weighted = new ArrayList<>();
            words.forEach((word, tf) -> weighted.add(Map.entry(word,
                    tf / (double) total * Math.log(1 + meanWords / overall.get(word)))));
            weighted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            labels.put(cluster, weighted.stream().limit(top).map(Map.Entry::getKey).toList());
        });
        return labels;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            String word = token.replaceAll("^'+|'+$", "");
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static long total(Map<String, Integer> words) {
        return words.values().stream().mapToLong(Integer::longValue).sum();
    }
}
