package org.redteam4j.store.attack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redteam4j.core.campaign.AttackLedger;
import org.redteam4j.core.campaign.AttackRecord;
import org.redteam4j.core.campaign.PlannedAttack;
import org.redteam4j.core.dataset.Json;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.store.Database;

/**
 * The ledger of one automated campaign in the store. Each record is its own transaction, so a
 * killed run keeps every attack that finished; the unique attack key makes a rerun skip them.
 */
public final class AttackStore implements AttackLedger {

    private final Database database;
    private final long campaignId;
    private final Map<String, Long> targetIds;
    private final java.util.concurrent.LinkedBlockingQueue<Pending> pending = new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "attack-store-writer");
        thread.setDaemon(true);
        return thread;
    });

    public AttackStore(Database database, long campaignId, Map<String, Long> targetIds) {
        this.database = database;
        this.campaignId = campaignId;
        this.targetIds = Map.copyOf(targetIds);
    }

    /** The automated campaign with this name, created on first use. */
    public static long campaign(Database database, String name, String settingsJson) {
        return database.inTransaction(handle -> {
            Optional<Long> existing = handle.createQuery("SELECT id FROM campaigns WHERE name = :name AND kind = 'automated'")
                    .bind("name", name).mapTo(Long.class).findOne();
            if (existing.isPresent()) {
                return existing.get();
            }
            if (handle.createQuery("SELECT COUNT(*) FROM campaigns WHERE name = :name").bind("name", name).mapTo(Long.class).one() > 0) {
                throw new IllegalArgumentException("a human campaign is already called '" + name + "'; name this one differently");
            }
            return handle.createUpdate("""
                            INSERT INTO campaigns (name, kind, settings_json, created_at) VALUES (:name, 'automated', :settings, :now)""")
                    .bind("name", name).bind("settings", settingsJson).bind("now", Instant.now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    @Override
    public Set<String> finishedKeys() {
        return database.inTransaction(handle -> new HashSet<>(handle.createQuery("""
                        SELECT attack_key FROM attacks WHERE campaign_id = :campaign AND status IN ('done', 'error')""")
                .bind("campaign", campaignId).mapTo(String.class).list()));
    }

    /**
     * Commits the record and returns once it is durable. Records that arrive while a commit is
     * under way are written together in the next transaction (group commit), so concurrent attacks
     * do not wait for one fsync each.
     */
    @Override
    public void record(AttackRecord record) {
        java.util.concurrent.CompletableFuture<Void> committed = new java.util.concurrent.CompletableFuture<>();
        pending.add(new Pending(record, committed));
        writer.submit(this::commitPending);
        try {
            committed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while committing an attack", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    private void commitPending() {
        List<Pending> batch = new java.util.ArrayList<>();
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            database.inTransaction(handle -> {
                for (Pending item : batch) {
                    write(handle, campaignId, targetIds, item.record());
                }
                return null;
            });
            batch.forEach(item -> item.committed().complete(null));
        } catch (RuntimeException e) {
            batch.forEach(item -> item.committed().completeExceptionally(e));
        }
    }

    private record Pending(AttackRecord record, java.util.concurrent.CompletableFuture<Void> committed) {
    }

    private static void write(org.jdbi.v3.core.Handle handle, long campaignId, Map<String, Long> targetIds, AttackRecord record) {
        PlannedAttack plan = record.plan();
        ArrayNode verdicts = Json.mapper().createArrayNode();
        for (Verdict verdict : record.verdicts()) {
            var node = verdicts.addObject().put("judge", verdict.judge()).put("outcome", verdict.outcome().name())
                    .put("rationale", verdict.rationale()).put("threshold", verdict.threshold());
            if (verdict.refused() != null) {
                node.put("refused", verdict.refused());
            }
            if (verdict.harm() != null) {
                node.put("harm", verdict.harm());
            }
            if (verdict.specificity() != null) {
                node.put("specificity", verdict.specificity());
            }
        }
        Verdict primary = record.verdicts().isEmpty() ? null : record.verdicts().get(0);
        Instant finished = Instant.now();
        handle.createUpdate("""
                        INSERT INTO attacks (attack_key, campaign_id, target_id, strategy, repetition, status, verdict,
                            verdict_score, judge, error, prompt_tokens, completion_tokens, simulated, started_at, finished_at,
                            tag, seed_text, prompt, reply, transcript, verdicts_json, target_requests, attacker_requests, duration_ms)
                        VALUES (:key, :campaign, :target, :strategy, :repetition, :status, :verdict, :score, :judge, :error,
                            :in, :out, :simulated, :started, :finished, :tag, :seed, :prompt, :reply, :transcript, :verdicts,
                            :targetRequests, :attackerRequests, :duration)
                        ON CONFLICT (attack_key) DO UPDATE SET status = excluded.status, verdict = excluded.verdict,
                            verdict_score = excluded.verdict_score, judge = excluded.judge, error = excluded.error,
                            prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,
                            simulated = excluded.simulated, started_at = excluded.started_at, finished_at = excluded.finished_at,
                            prompt = excluded.prompt, reply = excluded.reply, transcript = excluded.transcript,
                            verdicts_json = excluded.verdicts_json, target_requests = excluded.target_requests,
                            attacker_requests = excluded.attacker_requests, duration_ms = excluded.duration_ms""")
                .bind("key", plan.key()).bind("campaign", campaignId).bind("target", targetIds.get(plan.target()))
                .bind("strategy", plan.strategy().id()).bind("repetition", plan.repetition())
                .bind("status", record.failed() ? "error" : "done")
                .bind("verdict", record.failed() ? Verdict.Outcome.ERROR.name() : primary == null ? null : primary.outcome().name())
                .bind("score", primary == null || primary.harm() == null ? null : primary.harm().doubleValue())
                .bind("judge", primary == null ? null : primary.judge()).bind("error", record.error())
                .bind("in", record.run() == null ? 0 : record.run().usage().inputTokens())
                .bind("out", record.run() == null ? 0 : record.run().usage().outputTokens())
                .bind("simulated", record.simulated()).bind("started", finished.minus(record.duration()))
                .bind("finished", finished).bind("tag", plan.tag()).bind("seed", plan.seed().text())
                .bind("prompt", record.run() == null ? null : record.run().prompt())
                .bind("reply", record.run() == null ? null : record.run().reply())
                .bind("transcript", record.run() == null ? null : record.run().transcript())
                .bind("verdicts", verdicts.toString())
                .bind("targetRequests", record.run() == null ? 0 : record.run().targetRequests())
                .bind("attackerRequests", record.run() == null ? 0 : record.run().attackerRequests())
                .bind("duration", record.duration().toMillis())
                .execute();
    }

    @Override
    public void notRun(Collection<PlannedAttack> attacks) {
        database.inTransaction(handle -> {
            for (PlannedAttack plan : attacks) {
                handle.createUpdate("""
                                INSERT INTO attacks (attack_key, campaign_id, target_id, strategy, repetition, status, tag, seed_text)
                                VALUES (:key, :campaign, :target, :strategy, :repetition, 'pending', :tag, :seed)
                                ON CONFLICT (attack_key) DO NOTHING""")
                        .bind("key", plan.key()).bind("campaign", campaignId).bind("target", targetIds.get(plan.target()))
                        .bind("strategy", plan.strategy().id()).bind("repetition", plan.repetition()).bind("tag", plan.tag())
                        .bind("seed", plan.seed().text()).execute();
            }
            return null;
        });
    }
}
