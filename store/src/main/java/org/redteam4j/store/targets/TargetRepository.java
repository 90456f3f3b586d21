package org.redteam4j.store.targets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.StoreException;

/**
 * Targets: what answered an attempt or an attack. A declared target is never rewritten: the one
 * place that decides whether a declaration is a target seen before or a new version of its name.
 */
public final class TargetRepository {

    /** The spec of targets that data was imported from rather than run here. */
    public static final String IMPORTED = "imported";

    private final Handle handle;

    public TargetRepository(Handle handle) {
        this.handle = handle;
    }

    /**
     * The target this declaration names: the stored version with the same name, model type, size
     * and {@link TargetIdentity identity} (limits and key names may differ), else a new version of
     * the name — version 1 the first time, then 2, 3… — stored with this declaration, which is
     * never changed afterwards. The workbench and {@code attack} both declare through here.
     */
    public long declare(TargetFacts target) {
        String identity = TargetIdentity.of(target.config());
        List<Version> versions = handle.createQuery("""
                        SELECT id, version, model_type, num_params, settings_json FROM targets
                        WHERE name = :name ORDER BY version""")
                .bind("name", target.name())
                .map((rs, ctx) -> new Version(rs.getLong("id"), rs.getInt("version"), rs.getString("model_type"),
                        rs.getString("num_params"), rs.getString("settings_json")))
                .list();
        for (Version stored : versions) {
            if (stored.sameAs(target, identity)) {
                return stored.id();
            }
        }
        int version = versions.stream().mapToInt(Version::version).max().orElse(0) + 1;
        // a name someone declared literally as "x v2" holds that label for its type and size; take the next free one
        while (labelTaken(label(target.name(), version), target.modelType(), target.size())) {
            version++;
        }
        return handle.createUpdate("""
                        INSERT INTO targets (spec, name, version, model_type, num_params, settings_json, simulated, created_at)
                        VALUES (:spec, :name, :version, :type, :size, :settings, :simulated, :now)""")
                .bind("spec", label(target.name(), version)).bind("name", target.name()).bind("version", version)
                .bind("type", target.modelType()).bind("size", target.size())
                .bind("settings", target.config() == null ? null : target.config().toString())
                .bind("simulated", target.simulated()).bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** How dashboards, analyses, reports and {@code stats} name a version: {@code name}, then {@code name v2}, {@code name v3}… */
    public static String label(String name, int version) {
        return version <= 1 ? name : name + " v" + version;
    }

    /** A declared target's first declaration (TargetConfig JSON), or empty for imported targets. */
    public Optional<String> settings(long id) {
        return handle.createQuery("SELECT settings_json FROM targets WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne();
    }

    /** The target's display facts for admins: its label, model type, size and whether it is simulated. */
    public Optional<String[]> describe(long id) {
        return handle.createQuery("SELECT spec, model_type, num_params, simulated FROM targets WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new String[] {rs.getString("spec"), rs.getString("model_type"), rs.getString("num_params"),
                    String.valueOf(rs.getBoolean("simulated"))})
                .findOne();
    }

    /** The target with this spec, model type and size, created on first use (imported data: no declaration, version 1). */
    public long idFor(String spec, String modelType, String numParams) {
        Optional<Long> existing = handle.createQuery("""
                        SELECT id FROM targets WHERE spec = :spec AND model_type = :type AND num_params = :size""")
                .bind("spec", spec)
                .bind("type", modelType)
                .bind("size", numParams)
                .mapTo(Long.class)
                .findOne();
        return existing.orElseGet(() -> handle.createUpdate("""
                        INSERT INTO targets (spec, name, model_type, num_params, created_at)
                        VALUES (:spec, :spec, :type, :size, :now)""")
                .bind("spec", spec)
                .bind("type", modelType)
                .bind("size", numParams)
                .bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    private boolean labelTaken(String label, String modelType, String size) {
        return handle.createQuery("SELECT COUNT(*) FROM targets WHERE spec = :spec AND model_type = :type AND num_params = :size")
                .bind("spec", label).bind("type", modelType).bind("size", size).mapTo(Long.class).one() > 0;
    }

    /** One stored version of a name. */
    private record Version(long id, int version, String modelType, String size, String settingsJson) {

        boolean sameAs(TargetFacts target, String identity) {
            return modelType.equals(target.modelType()) && size.equals(target.size()) && settingsJson != null
                    && TargetIdentity.of(parse(settingsJson)).equals(identity);
        }

        private JsonNode parse(String json) {
            try {
                return Json.mapper().readTree(json);
            } catch (JsonProcessingException e) {
                throw new StoreException("target " + id + ": its stored declaration is not valid JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
    }
}
