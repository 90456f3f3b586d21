package org.redteam4j.store.targets;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.campaign.TargetFacts;

/** Targets: what answered an attempt. */
public final class TargetRepository {

    /** The spec of targets that data was imported from rather than run here. */
    public static final String IMPORTED = "imported";

    private final Handle handle;

    public TargetRepository(Handle handle) {
        this.handle = handle;
    }

    /**
     * A target that the workbench runs: its declaration (TargetConfig as JSON) is kept so the
     * server can build its model again after a restart. Reused when the same declaration exists.
     */
    /** A campaign's target, as {@link #declare(String, String, String, String, boolean)} declares it. */
    public long declare(TargetFacts target) {
        return declare(target.name(), target.modelType(), target.size(), target.config().toString(), target.simulated());
    }

    public long declare(String spec, String modelType, String numParams, String settingsJson, boolean simulated) {
        Optional<Long> existing = handle.createQuery("""
                        SELECT id FROM targets WHERE spec = :spec AND model_type = :type AND num_params = :size""")
                .bind("spec", spec).bind("type", modelType).bind("size", numParams)
                .mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            handle.createUpdate("UPDATE targets SET settings_json = :settings, simulated = :simulated WHERE id = :id")
                    .bind("settings", settingsJson).bind("simulated", simulated).bind("id", existing.get()).execute();
            return existing.get();
        }
        return handle.createUpdate("""
                        INSERT INTO targets (spec, model_type, num_params, settings_json, simulated, created_at)
                        VALUES (:spec, :type, :size, :settings, :simulated, :now)""")
                .bind("spec", spec).bind("type", modelType).bind("size", numParams).bind("settings", settingsJson)
                .bind("simulated", simulated).bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** A declared target's settings (TargetConfig JSON), or empty for imported targets. */
    public Optional<String> settings(long id) {
        return handle.createQuery("SELECT settings_json FROM targets WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne();
    }

    /** The target's display facts for admins: spec, model type, size. */
    public Optional<String[]> describe(long id) {
        return handle.createQuery("SELECT spec, model_type, num_params, simulated FROM targets WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new String[] {rs.getString("spec"), rs.getString("model_type"), rs.getString("num_params"),
                    String.valueOf(rs.getBoolean("simulated"))})
                .findOne();
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
