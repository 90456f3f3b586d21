package org.redteam4j.store.seed;

import java.util.List;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.store.Database;

/**
 * Seeds for automated campaigns from what the store holds: the seeds brought in with {@code
 * import}, and the task descriptions of successful human attempts — the loop from the workbench
 * (or imported hh-rlhf data) to automated regression tests.
 */
public final class SeedQueries {

    private final Database database;

    public SeedQueries(Database database) {
        this.database = database;
    }

    /** The seeds brought in with {@code import} (HarmBench CSV, text or a published seed set), in import order. */
    public List<Seed> imported() {
        return database.inTransaction(handle -> handle.createQuery("""
                        SELECT text, behavior_id, functional_category, semantic_category, tags, context FROM seeds ORDER BY id""")
                .map((rs, ctx) -> new Seed(rs.getString("text"), rs.getString("behavior_id"),
                        rs.getString("functional_category"), rs.getString("semantic_category"),
                        SeedTagsColumn.read(rs.getString("tags")), rs.getString("context")))
                .list());
    }

    /** Task descriptions of completed attempts rated at least {@code minRating}, best first, at most {@code limit}. */
    public List<Seed> successfulAttempts(double minRating, int limit) {
        return database.inTransaction(handle -> handle.createQuery("""
                        SELECT a.id, a.task_description,
                               (SELECT MIN(t.tag) FROM attempt_tags t WHERE t.attempt_id = a.id AND t.position = 0) AS tag
                        FROM attempts a
                        WHERE a.status = 'complete' AND a.rating >= :min AND a.member_id IS NOT NULL
                          AND a.task_description <> ''
                        ORDER BY a.rating DESC, a.id LIMIT :limit""")
                .bind("min", minRating).bind("limit", limit)
                .map((rs, ctx) -> {
                    String tag = rs.getString("tag");
                    return new Seed(rs.getString("task_description"), "db-attempt-" + rs.getLong("id"), null, null,
                            tag == null ? List.of() : List.of(tag), null);
                })
                .list());
    }
}
