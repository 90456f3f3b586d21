package org.redteam4j.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.attack.AttackStore;
import org.redteam4j.store.targets.TargetRepository;

/** Declarations and databases for the store contract's target-version cases. */
final class TargetVersions {

    /** Declarations of {@code shared-t} that each differ from the others in one setting that changes replies. */
    static final List<String> IDENTITY_CHANGES = List.of(
            "{\"model\": \"ollama:model-a\", \"base_url\": \"http://127.0.0.1:1/v1\"}",                      // runtime
            "{\"model\": \"openai:model-a\", \"base_url\": \"http://127.0.0.1:2/v1\"}",                      // base URL
            "{\"model\": \"openai:model-a\", \"base_url\": \"http://127.0.0.1:1/v1\", \"intervention\": \"prompted\"}",
            "{\"model\": \"openai:model-a\", \"base_url\": \"http://127.0.0.1:1/v1\", \"intervention\": \"rejection-sampling\"}",
            "{\"model\": \"openai:model-a\", \"base_url\": \"http://127.0.0.1:1/v1\", \"intervention\": \"rejection-sampling\", "
                    + "\"samples\": 4}",
            "{\"model\": \"openai:model-a\", \"base_url\": \"http://127.0.0.1:1/v1\", \"sampling\": {\"temperature\": 0.2}}",
            "{\"model\": \"openai:model-a\", \"base_url\": \"http://127.0.0.1:1/v1\", \"system_prompt\": \"Be terse.\"}",
            "{\"model\": \"sim\", \"sim\": {\"refusal\": 0.5}}");

    private TargetVersions() {
    }

    static TargetFacts facts(String name, String declaration) {
        try {
            return new TargetFacts(name, "plain lm", "unknown", Json.mapper().readTree(declaration), false);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(declaration, e);
        }
    }

    static long declare(Database database, TargetFacts target) {
        return database.inTransaction(handle -> new TargetRepository(handle).declare(target));
    }

    static String settings(Database database, long target) {
        return database.inTransaction(handle -> new TargetRepository(handle).settings(target)).orElseThrow();
    }

    /** Every target's label, oldest first. */
    static List<String> labels(Database database) {
        return database.inTransaction(handle -> handle.createQuery("SELECT spec FROM targets ORDER BY id").mapTo(String.class).list());
    }

    static String campaignSettings(Database database, long target) {
        return database.inTransaction(handle -> handle.createQuery("SELECT settings_json FROM campaign_targets WHERE target_id = :t")
                .bind("t", target).mapTo(String.class).one());
    }

    /** Runs an automated campaign of one failed attack on {@code target}. */
    static void attack(Database database, String campaign, TargetFacts target) {
        try (AttackStore store = AttackStore.open(database, campaign, "{}", null, List.of(target))) {
            store.record(new AttackResult(new AttackResult.Attack(campaign + "|" + target.name() + "|s|direct|0", target.name(),
                    "direct", 0, "Theft", "seed"), AttackResult.Status.ERROR, null, List.of(), "endpoint down",
                    AttackResult.Spend.NONE, Duration.ZERO, false));
        }
    }

    /**
     * A database at the schema before target versions (V5) holding one declared target, a human
     * campaign over it and an attempt on it; returns the target's id.
     */
    static long beforeVersions(String location, String name, String settingsJson) {
        DatabaseLocation parsed = DatabaseLocation.parse(location);
        Flyway.configure().dataSource(parsed.jdbcUrl(), null, null).placeholders(parsed.dialect().placeholders())
                .locations("classpath:db/migration").target("5").load().migrate();
        return Jdbi.create(parsed.jdbcUrl()).inTransaction(handle -> {
            Instant now = Instant.now();
            long target = handle.createUpdate("""
                            INSERT INTO targets (spec, model_type, num_params, settings_json, simulated, created_at)
                            VALUES (:name, 'plain lm', 'unknown', :settings, FALSE, :now)""")
                    .bind("name", name).bind("settings", settingsJson).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long campaign = handle.createUpdate("INSERT INTO campaigns (name, kind, created_at) VALUES ('old', 'human', :now)")
                    .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            handle.createUpdate("INSERT INTO campaign_targets (campaign_id, target_id) VALUES (:c, :t)")
                    .bind("c", campaign).bind("t", target).execute();
            handle.createUpdate("""
                            INSERT INTO attempts (record_key, campaign_id, target_id, status, created_at)
                            VALUES ('old-attempt', :c, :t, 'in_progress', :now)""")
                    .bind("c", campaign).bind("t", target).bind("now", now).execute();
            return target;
        });
    }
}
