package org.redteam4j.store.stats;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the store holds, summarised.
 *
 * @param attempts            finished attempts
 * @param table1              attempts by model type and size (the paper's Table 1)
 * @param ratings             how many attempts got each rating
 * @param meanRating          the mean rating, or null without attempts
 * @param successRate         share of attempts rated 3 or more (the paper's "successful"), or null
 * @param members             members with at least one finished attempt
 * @param membersBySource     those members by recruitment source
 * @param preferencePairs     imported preference pairs
 * @param seeds               attack seeds
 * @param imports             files imported
 */
public record StoreStats(long attempts, List<Cell> table1, SortedMap<Double, Long> ratings, Double meanRating,
                         Double successRate, long members, Map<String, Long> membersBySource, long preferencePairs,
                         long seeds, long imports) {

    /** One cell of Table 1. */
    public record Cell(String modelType, String numParams, long attempts) {
    }
}
