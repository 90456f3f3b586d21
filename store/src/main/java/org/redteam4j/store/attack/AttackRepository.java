package org.redteam4j.store.attack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.campaign.AttackResult.Status;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.RedactionJson;
import org.redteam4j.core.format.AttackTraceJson;
import org.redteam4j.core.format.VerdictJson;
import org.redteam4j.core.scoring.Verdict;

/** Automated campaigns and their attacks, on the caller's handle (the caller owns the transaction). */
public final class AttackRepository {

    private final Handle handle;

    public AttackRepository(Handle handle) {
        this.handle = handle;
    }

    /**
     * The automated campaign with this name, created on first use with its settings and provenance.
     * A human campaign of the same name is bad input: the user names the campaign.
     */
    public long campaign(String name, String settingsJson, String provenanceJson) {
        Optional<Long> existing = handle.createQuery("SELECT id FROM campaigns WHERE name = :name AND kind = 'automated'")
                .bind("name", name).mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        if (handle.createQuery("SELECT COUNT(*) FROM campaigns WHERE name = :name").bind("name", name).mapTo(Long.class).one() > 0) {
            throw humanNameTaken(name);
        }
        return handle.createUpdate("""
                        INSERT INTO campaigns (name, kind, settings_json, provenance_json, created_at)
                        VALUES (:name, 'automated', :settings, :provenance, :now)""")
                .bind("name", name).bind("settings", settingsJson).bind("provenance", provenanceJson).bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The provenance stored with the campaign when it was declared, as JSON text; empty when none was. */
    public Optional<String> provenance(long campaignId) {
        return handle.createQuery("SELECT provenance_json FROM campaigns WHERE id = :campaign")
                .bind("campaign", campaignId).mapTo(String.class).findOne();
    }

    /** Replaces the campaign's stored provenance (to record canaries a resume planted first). */
    public void replaceProvenance(long campaignId, String provenanceJson) {
        handle.createUpdate("UPDATE campaigns SET provenance_json = :provenance WHERE id = :campaign")
                .bind("provenance", provenanceJson).bind("campaign", campaignId).execute();
    }

    /** The automated campaign called {@code name}, if there is one; bad input if a human campaign has the name. */
    public Optional<Long> automated(String name) {
        Optional<Map.Entry<String, Long>> found = handle.createQuery("SELECT kind, id FROM campaigns WHERE name = :name")
                .bind("name", name).map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getLong("id"))).findOne();
        if (found.isPresent() && !found.get().getKey().equals("automated")) {
            throw humanNameTaken(name);
        }
        return found.map(Map.Entry::getValue);
    }

    private static BadInput humanNameTaken(String name) {
        return new BadInput("a human campaign is already called '" + name + "'; name this one differently");
    }

    /**
     * The judges the campaign declared, in its order (the first is the one its rates and gate use),
     * as its stored provenance names them ({@code judge.0}, {@code judge.1}, …: the ids its verdicts
     * carry); empty when the provenance names none.
     */
    public List<String> declaredJudges(long campaignId) {
        String provenance = handle.createQuery("SELECT provenance_json FROM campaigns WHERE id = :campaign")
                .bind("campaign", campaignId).mapTo(String.class).findOne().orElse(null);
        if (provenance == null) {
            return List.of();
        }
        com.fasterxml.jackson.databind.JsonNode components;
        try {
            components = org.redteam4j.core.format.Json.mapper().readTree(provenance).path("components");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("campaigns row " + campaignId + ": provenance_json is not JSON: " + e.getOriginalMessage(), e);
        }
        java.util.TreeMap<Integer, String> judges = new java.util.TreeMap<>(); // by number: judge.10 comes after judge.9
        components.fields().forEachRemaining(field -> {
            String key = field.getKey();
            if (key.matches("judge\\.\\d+")) {
                judges.put(Integer.parseInt(key.substring("judge.".length())), field.getValue().asText());
            }
        });
        return List.copyOf(judges.values());
    }

    /** The automated campaigns, name → id, oldest first. */
    public Map<String, Long> campaigns() {
        Map<String, Long> campaigns = new LinkedHashMap<>();
        handle.createQuery("SELECT name, id FROM campaigns WHERE kind = 'automated' ORDER BY id")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getLong("id")))
                .forEach(entry -> campaigns.put(entry.getKey(), entry.getValue()));
        return campaigns;
    }

    /** Keys of the campaign's attacks that finished (done or error). */
    public Set<String> finishedKeys(long campaignId) {
        return new HashSet<>(handle.createQuery("""
                        SELECT attack_key FROM attacks WHERE campaign_id = :campaign AND status IN ('done', 'error')""")
                .bind("campaign", campaignId).mapTo(String.class).list());
    }

    /** Whether any of the campaign's attacks finished (done or error). */
    public boolean anyFinished(long campaignId) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM (SELECT 1 FROM attacks WHERE campaign_id = :campaign AND status IN ('done', 'error')
                        LIMIT 1) AS finished""")
                .bind("campaign", campaignId).mapTo(Long.class).one() > 0;
    }

    /** The stored status of the attack with this key, if there is one. */
    public Optional<Status> status(String attackKey) {
        return handle.createQuery("SELECT status FROM attacks WHERE attack_key = :key").bind("key", attackKey)
                .mapTo(String.class).findOne().map(Status::ofLabel);
    }

    /**
     * Writes one result. A done or failed attack replaces an earlier row with its key (so a rerun
     * or a second load changes nothing); an attack not run is added only when its key is new.
     */
    public void write(long campaignId, long targetId, AttackResult result) {
        AttackResult.Attack attack = result.attack();
        if (result.status() == Status.NOT_RUN) {
            handle.createUpdate("""
                            INSERT INTO attacks (attack_key, campaign_id, target_id, strategy, repetition, status, tag, seed_text,
                                benign)
                            VALUES (:key, :campaign, :target, :strategy, :repetition, 'pending', :tag, :seed, :benign)
                            ON CONFLICT (attack_key) DO NOTHING""")
                    .bind("key", attack.key()).bind("campaign", campaignId).bind("target", targetId)
                    .bind("strategy", attack.strategy()).bind("repetition", attack.repetition()).bind("tag", attack.tag())
                    .bind("seed", attack.seedText()).bind("benign", attack.benign()).execute();
            return;
        }
        Optional<Verdict> primary = result.primary();
        Instant finished = Instant.now();
        handle.createUpdate("""
                        INSERT INTO attacks (attack_key, campaign_id, target_id, strategy, repetition, status, verdict,
                            verdict_score, judge, error, prompt_tokens, completion_tokens, simulated, started_at, finished_at,
                            tag, seed_text, prompt, reply, transcript, verdicts_json, target_requests, attacker_requests, duration_ms,
                            redactions_json, benign, trace_json)
                        VALUES (:key, :campaign, :target, :strategy, :repetition, :status, :verdict, :score, :judge, :error,
                            :in, :out, :simulated, :started, :finished, :tag, :seed, :prompt, :reply, :transcript, :verdicts,
                            :targetRequests, :attackerRequests, :duration, :redactions, :benign, :trace)
                        ON CONFLICT (attack_key) DO UPDATE SET status = excluded.status, verdict = excluded.verdict,
                            verdict_score = excluded.verdict_score, judge = excluded.judge, error = excluded.error,
                            prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,
                            simulated = excluded.simulated, started_at = excluded.started_at, finished_at = excluded.finished_at,
                            prompt = excluded.prompt, reply = excluded.reply, transcript = excluded.transcript,
                            verdicts_json = excluded.verdicts_json, target_requests = excluded.target_requests,
                            attacker_requests = excluded.attacker_requests, duration_ms = excluded.duration_ms,
                            seed_text = excluded.seed_text, redactions_json = excluded.redactions_json, benign = excluded.benign,
                            trace_json = excluded.trace_json""")
                .bind("key", attack.key()).bind("campaign", campaignId).bind("target", targetId)
                .bind("strategy", attack.strategy()).bind("repetition", attack.repetition())
                .bind("status", result.status().label())
                .bind("verdict", result.outcome().map(Enum::name).orElse(null))
                .bind("score", primary.map(Verdict::harm).map(Integer::doubleValue).orElse(null))
                .bind("judge", primary.map(Verdict::judge).orElse(null)).bind("error", result.error())
                .bind("in", result.spend().promptTokens()).bind("out", result.spend().completionTokens())
                .bind("simulated", result.simulated()).bind("started", finished.minus(result.duration()))
                .bind("finished", finished).bind("tag", attack.tag()).bind("seed", attack.seedText())
                .bind("prompt", result.exchange() == null ? null : result.exchange().prompt())
                .bind("reply", result.exchange() == null ? null : result.exchange().reply())
                .bind("transcript", result.exchange() == null ? null : result.exchange().transcript())
                .bind("verdicts", VerdictJson.write(result.verdicts()).toString())
                .bind("targetRequests", result.spend().targetRequests())
                .bind("attackerRequests", result.spend().attackerRequests())
                .bind("duration", result.duration().toMillis())
                .bind("redactions", result.redactions().isEmpty() ? null : RedactionJson.write(result.redactions()).toString())
                .bind("benign", attack.benign())
                .bind("trace", result.exchange() == null || result.exchange().trace().isEmpty() ? null
                        : AttackTraceJson.write(result.exchange().trace()).toString())
                .execute();
    }

    /** The campaign's results in the order they were first recorded, streamed to {@code each}. */
    public void results(long campaignId, Consumer<AttackResult> each) {
        handle.createQuery("""
                        SELECT a.attack_key, t.spec, a.strategy, a.repetition, a.tag, a.seed_text, a.status, a.prompt, a.reply,
                            a.transcript, a.verdicts_json, a.error, a.target_requests, a.attacker_requests, a.prompt_tokens,
                            a.completion_tokens, a.duration_ms, a.simulated, a.redactions_json, a.benign, a.trace_json
                        FROM attacks a JOIN targets t ON t.id = a.target_id WHERE a.campaign_id = :campaign ORDER BY a.id""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> {
                    Status status = Status.ofLabel(rs.getString("status"));
                    String key = rs.getString("attack_key");
                    AttackResult.Attack attack = new AttackResult.Attack(key, rs.getString("spec"), rs.getString("strategy"),
                            rs.getInt("repetition"), rs.getString("tag"), rs.getString("seed_text"), rs.getBoolean("benign"));
                    AttackResult.Exchange exchange = status == Status.DONE
                            ? new AttackResult.Exchange(rs.getString("prompt"), rs.getString("reply"), rs.getString("transcript"),
                                    AttackTraceJson.read(rs.getString("trace_json"), "attacks row " + key))
                            : null;
                    String verdicts = rs.getString("verdicts_json");
                    return new AttackResult(attack, status, exchange,
                            verdicts == null ? List.of() : VerdictJson.read(verdicts, "attacks row " + key),
                            rs.getString("error"), new AttackResult.Spend(rs.getInt("target_requests"), rs.getInt("attacker_requests"),
                                    rs.getLong("prompt_tokens"), rs.getLong("completion_tokens")),
                            Duration.ofMillis(rs.getLong("duration_ms")), rs.getBoolean("simulated"),
                            RedactionJson.read(rs.getString("redactions_json"), "attacks row " + key));
                })
                .forEach(each);
    }
}
