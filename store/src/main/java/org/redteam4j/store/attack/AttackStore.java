package org.redteam4j.store.attack;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redteam4j.core.campaign.AttackLedger;
import org.redteam4j.core.campaign.AttackRecord;
import org.redteam4j.core.campaign.FinishedAttack;
import org.redteam4j.core.campaign.PlannedAttack;
import org.redteam4j.store.Database;
import org.redteam4j.store.StoreException;

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
        return database.inTransaction(handle -> campaign(handle, name, settingsJson));
    }

    /** The automated campaign with this name, created on first use, within the caller's transaction. */
    public static long campaign(org.jdbi.v3.core.Handle handle, String name, String settingsJson) {
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
    }

    @Override
    public Set<String> finishedKeys() {
        return database.inTransaction(handle -> new HashSet<>(handle.createQuery("""
                        SELECT attack_key FROM attacks WHERE campaign_id = :campaign AND status IN ('done', 'error')""")
                .bind("campaign", campaignId).mapTo(String.class).list()));
    }

    /**
     * Waits between tries of a commit that failed (the server restarting, the network gone): about
     * 30 seconds in all before the campaign stops. Rewriting a row is safe: each attack's key is unique.
     */
    private static final long[] RECONNECT_DELAYS_MS = {250, 500, 1_000, 2_000, 4_000, 8_000, 15_000};

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
        StoreException failure = null;
        for (int attempt = 0; attempt <= RECONNECT_DELAYS_MS.length; attempt++) {
            try {
                database.inTransaction(handle -> {
                    for (Pending item : batch) {
                        write(handle, campaignId, targetIds, item.record());
                    }
                    return null;
                });
                batch.forEach(item -> item.committed().complete(null));
                return;
            } catch (StoreException e) {
                failure = e;
                if (attempt == RECONNECT_DELAYS_MS.length || !pause(RECONNECT_DELAYS_MS[attempt])) {
                    break;
                }
            } catch (RuntimeException e) {
                batch.forEach(item -> item.committed().completeExceptionally(e));
                return;
            }
        }
        StoreException gaveUp = failure;
        batch.forEach(item -> item.committed().completeExceptionally(gaveUp));
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Pending(AttackRecord record, java.util.concurrent.CompletableFuture<Void> committed) {
    }

    private static void write(org.jdbi.v3.core.Handle handle, long campaignId, Map<String, Long> targetIds, AttackRecord record) {
        write(handle, campaignId, targetIds.get(record.plan().target()), FinishedAttack.of(record), record.duration());
    }

    /**
     * Loads a result made elsewhere (Spark's CampaignJob): a finished attack replaces an earlier row
     * with its key, a pending one is added only when the key is new, so loading twice changes nothing.
     */
    public static void load(org.jdbi.v3.core.Handle handle, long campaignId, long targetId, FinishedAttack attack) {
        if (FinishedAttack.PENDING.equals(attack.status())) {
            insertPending(handle, campaignId, targetId, attack.key(), attack.strategy(), attack.repetition(), attack.tag(),
                    attack.seedText());
        } else {
            write(handle, campaignId, targetId, attack, java.time.Duration.ofMillis(attack.durationMs() == null ? 0 : attack.durationMs()));
        }
    }

    /** Writes one attack's row, replacing an earlier row with its key; the duration dates it back from now. */
    public static void write(org.jdbi.v3.core.Handle handle, long campaignId, Long targetId, FinishedAttack attack,
                             java.time.Duration duration) {
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
                .bind("key", attack.key()).bind("campaign", campaignId).bind("target", targetId)
                .bind("strategy", attack.strategy()).bind("repetition", attack.repetition())
                .bind("status", attack.status()).bind("verdict", attack.verdict()).bind("score", attack.score())
                .bind("judge", attack.judge()).bind("error", attack.error())
                .bind("in", attack.promptTokens()).bind("out", attack.completionTokens())
                .bind("simulated", attack.simulated()).bind("started", finished.minus(duration))
                .bind("finished", finished).bind("tag", attack.tag()).bind("seed", attack.seedText())
                .bind("prompt", attack.prompt()).bind("reply", attack.reply()).bind("transcript", attack.transcript())
                .bind("verdicts", attack.verdictsJson())
                .bind("targetRequests", attack.targetRequests()).bind("attackerRequests", attack.attackerRequests())
                .bind("duration", attack.durationMs())
                .execute();
    }

    @Override
    public void notRun(Collection<PlannedAttack> attacks) {
        database.inTransaction(handle -> {
            for (PlannedAttack plan : attacks) {
                insertPending(handle, campaignId, targetIds.get(plan.target()), plan.key(), plan.strategy().id(), plan.repetition(),
                        plan.tag(), plan.seed().text());
            }
            return null;
        });
    }

    private static void insertPending(org.jdbi.v3.core.Handle handle, long campaignId, Long targetId, String key, String strategy,
                                      int repetition, String tag, String seed) {
        handle.createUpdate("""
                        INSERT INTO attacks (attack_key, campaign_id, target_id, strategy, repetition, status, tag, seed_text)
                        VALUES (:key, :campaign, :target, :strategy, :repetition, 'pending', :tag, :seed)
                        ON CONFLICT (attack_key) DO NOTHING""")
                .bind("key", key).bind("campaign", campaignId).bind("target", targetId).bind("strategy", strategy)
                .bind("repetition", repetition).bind("tag", tag).bind("seed", seed).execute();
    }
}
