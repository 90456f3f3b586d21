package org.redteam4j.store.seed;

import org.jdbi.v3.core.Handle;
import org.redteam4j.core.attack.Seed;

/** Attack seeds. */
public final class SeedRepository {

    private final Handle handle;

    public SeedRepository(Handle handle) {
        this.handle = handle;
    }

    /** @return true when stored, false when a seed with this key was already there */
    public boolean insert(String recordKey, Long importId, String source, Seed seed) {
        return handle.createUpdate("""
                        INSERT INTO seeds (record_key, import_id, source, text, behavior_id, functional_category,
                            semantic_category, tags, context)
                        VALUES (:key, :import, :source, :text, :behavior, :functional, :semantic, :tags, :context)
                        ON CONFLICT (record_key) DO NOTHING""")
                .bind("key", recordKey)
                .bind("import", importId)
                .bind("source", source)
                .bind("text", seed.text())
                .bind("behavior", seed.behaviorId())
                .bind("functional", seed.functionalCategory())
                .bind("semantic", seed.semanticCategory())
                .bind("tags", SeedTagsColumn.write(seed.tags()))
                .bind("context", seed.context())
                .execute() == 1;
    }

    public long count() {
        return handle.createQuery("SELECT COUNT(*) FROM seeds").mapTo(Long.class).one();
    }
}
