package org.redteam4j.store.attack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.redteam4j.core.campaign.AttackLedger;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.PlannedAttack;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.store.Database;
import org.redteam4j.store.StoreException;
import org.redteam4j.store.targets.TargetRepository;

/**
 * The ledger of one automated campaign in the store. Each result is durable before {@link
 * #record} returns, so a killed run keeps every attack that finished; the unique attack key
 * makes a rerun skip them. Closing it stops the writer thread.
 */
public final class AttackStore implements AttackLedger, AutoCloseable {

    /**
     * Waits between tries of a commit that failed (the server restarting, the network gone): about
     * 30 seconds in all before the campaign stops. Rewriting a row is safe: each attack's key is unique.
     */
    private static final long[] RECONNECT_DELAYS_MS = {250, 500, 1_000, 2_000, 4_000, 8_000, 15_000};

    private final Database database;
    private final long campaignId;
    private final Map<String, Long> targetIds;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "attack-store-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final CampaignLease lease;
    /** The writer thread's connection, kept across commits (opening one per commit was most of its work); null until needed. */
    private org.jdbi.v3.core.Handle writing;

    private AttackStore(Database database, long campaignId, Map<String, Long> targetIds, CampaignLease lease) {
        this.database = database;
        this.campaignId = campaignId;
        this.targetIds = Map.copyOf(targetIds);
        this.lease = lease;
    }

    /**
     * Refuses to start the campaign {@code name} when a human campaign has that name, or when it has
     * results and {@code resume} is false. Reads only: a dry run asks it as a run does.
     */
    public static void checkStart(Database database, String name, boolean resume) {
        database.useTransaction(handle -> {
            AttackRepository repository = new AttackRepository(handle);
            Optional<Long> existing = repository.automated(name);
            if (!resume && existing.isPresent() && repository.anyFinished(existing.get())) {
                throw new BadInput("campaign '" + name + "' already has results in " + database.location()
                        + "; pass --resume to continue it, or give the campaign a new name");
            }
        });
    }

    /**
     * The ledger of the campaign {@code name}, declaring it and its targets on first use, in one
     * transaction, and holding its {@link CampaignLease} until closed: while one run has it open,
     * another run of the campaign is refused (bad input naming the process that runs it).
     */
    public static AttackStore open(Database database, String name, String settingsJson, String provenanceJson,
                                   List<TargetFacts> targets) {
        return open(database, name, settingsJson, provenanceJson, targets, null);
    }

    /**
     * As above, and records {@code calibrations} (judge id → calibration) as the ones the campaign's
     * rates are corrected with, replacing the last run's; null leaves them as they were.
     */
    public static AttackStore open(Database database, String name, String settingsJson, String provenanceJson,
                                   List<TargetFacts> targets, Map<String, JudgeCalibration> calibrations) {
        return database.inTransaction(handle -> {
            long campaign = new AttackRepository(handle).campaign(name, settingsJson, provenanceJson);
            AttackRepository campaigns = new AttackRepository(handle);
            campaigns.provenance(campaign).flatMap(stored -> SameCanaries.check(name, stored, provenanceJson))
                    .ifPresent(merged -> campaigns.replaceProvenance(campaign, merged)); // later resumes compare with these
            if (calibrations != null) {
                new CalibrationRepository(handle).replace(campaign, calibrations);
            }
            CampaignLease lease = CampaignLease.take(database, handle, campaign, name);
            try {
                TargetRepository repository = new TargetRepository(handle);
                Map<String, Long> ids = new LinkedHashMap<>();
                for (TargetFacts target : targets) {
                    ids.put(target.name(), repository.declare(target));
                }
                return new AttackStore(database, campaign, ids, lease);
            } catch (RuntimeException e) {
                lease.rolledBack();
                throw e;
            }
        });
    }

    public long campaignId() {
        return campaignId;
    }

    @Override
    public Set<String> finishedKeys() {
        return database.inTransaction(handle -> new AttackRepository(handle).finishedKeys(campaignId));
    }

    /**
     * Commits the result and returns once it is durable. Results that arrive while a commit is
     * under way are written together in the next transaction (group commit), so concurrent attacks
     * do not wait for one fsync each.
     */
    @Override
    public void record(AttackResult result) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        pending.add(new Pending(result, committed));
        writer.submit(this::commitPending);
        try {
            committed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while committing an attack", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void notRun(Collection<PlannedAttack> attacks) {
        database.useTransaction(handle -> {
            AttackRepository repository = new AttackRepository(handle);
            for (PlannedAttack plan : attacks) {
                repository.write(campaignId, targetIds.get(plan.target()), AttackResult.notRun(plan));
            }
        });
    }

    /**
     * Lets queued commits finish, then closes the writer's connection on the writer's own thread (a Jdbi
     * handle is not thread-safe) and only then releases the campaign's lease. A writer still stuck after a
     * minute is interrupted; its connection is closed by the interrupted task or dropped with the thread.
     */
    @Override
    public void close() {
        if (!writer.isShutdown()) { // a second close has nothing left to close
            writer.execute(this::disconnect);
        }
        writer.shutdown();
        try {
            if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
                writer.shutdownNow();
                writer.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            lease.close();
        }
    }

    private void disconnect() {
        if (writing != null) {
            try {
                writing.close();
            } catch (RuntimeException e) {
                // a connection that broke is closed as well as it can be; the next commit opens another
            }
            writing = null;
        }
    }

    private void commitPending() {
        List<Pending> batch = new ArrayList<>();
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        StoreException failure = null;
        for (int attempt = 0; attempt <= RECONNECT_DELAYS_MS.length; attempt++) {
            try {
                if (writing == null) {
                    writing = database.openHandle();
                }
                database.useTransaction(writing, handle -> {
                    AttackRepository repository = new AttackRepository(handle);
                    for (Pending item : batch) {
                        repository.write(campaignId, targetIds.get(item.result().attack().target()), item.result());
                    }
                });
                batch.forEach(item -> item.committed().complete(null));
                return;
            } catch (StoreException e) {
                failure = e;
                disconnect(); // the next try reconnects
                if (attempt == RECONNECT_DELAYS_MS.length || !pause(RECONNECT_DELAYS_MS[attempt])) {
                    break;
                }
            } catch (RuntimeException e) {
                disconnect();
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

    private record Pending(AttackResult result, CompletableFuture<Void> committed) {
    }
}
