package org.redteam4j.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts of every table, to check that a failed operation changed nothing. */
public final class TableCounts {

    private static final List<String> TABLES = List.of("imports", "members", "targets", "campaigns", "campaign_targets",
            "attempts", "turns", "turn_candidates", "attempt_tags", "reviews", "review_tags", "seeds",
            "preference_pairs", "attacks", "target_failures", "judge_calibrations", "warning_acceptances");

    private TableCounts() {
    }

    public static Map<String, Long> of(Database database) {
        return database.inTransaction(handle -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
            return counts;
        });
    }
}
