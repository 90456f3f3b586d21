package org.redteam4j.store.target;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Targets: what answered an attempt. */
public final class TargetRepository {

    /** The spec of targets that data was imported from rather than run here. */
    public static final String IMPORTED = "imported";

    private final Handle handle;

    public TargetRepository(Handle handle) {
        this.handle = handle;
    }

    /** The target with this spec, model type and size, created on first use. */
    public long idFor(String spec, String modelType, String numParams) {
        Optional<Long> existing = handle.createQuery("""
                        SELECT id FROM targets WHERE spec = :spec AND model_type = :type AND num_params = :size""")
                .bind("spec", spec)
                .bind("type", modelType)
                .bind("size", numParams)
                .mapTo(Long.class)
                .findOne();
        return existing.orElseGet(() -> handle.createUpdate("""
                        INSERT INTO targets (spec, model_type, num_params, created_at)
                        VALUES (:spec, :type, :size, :now)""")
                .bind("spec", spec)
                .bind("type", modelType)
                .bind("size", numParams)
                .bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }
}
