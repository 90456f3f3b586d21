package org.redteam4j.store.attack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.store.Database;
import org.redteam4j.store.Dialect;

/**
 * The right to run one automated campaign, held by one run at a time: a second run of the same
 * campaign is refused instead of executing the same attacks twice. On PostgreSQL a session advisory
 * lock, freed by the server when the session ends, however the process ended. On SQLite a row naming
 * the holder's host, process id and start time; a new run takes it over only when that process is
 * gone — so {@code kill -9} and at once {@code --resume} works, and a reused process id does not fool it.
 */
final class CampaignLease implements AutoCloseable {

    /** The first key of PostgreSQL's two-key advisory locks: redteam4j campaigns ("rt4c"). */
    private static final int LOCK_SPACE = 0x72743463;

    /** How close two readings of one process's start time are (the kernel counts in clock ticks). */
    private static final long SAME_START_MS = 1_000;

    /** A run holding a lease: where, which process (and when it started), and which run within it. */
    record Holder(String host, long pid, Long startedMs, String token) {

        static Holder current() {
            ProcessHandle self = ProcessHandle.current();
            return new Holder(localHost(), self.pid(), self.info().startInstant().map(Instant::toEpochMilli).orElse(null),
                    UUID.randomUUID().toString());
        }

        /** Whether this holder may still be running, as far as this host can tell. */
        boolean mayBeRunning() {
            if (!host.equals(localHost())) {
                return true; // another machine's processes cannot be seen from here
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return false;
            }
            Optional<Instant> start = process.get().info().startInstant();
            return startedMs == null || start.isEmpty() || Math.abs(start.get().toEpochMilli() - startedMs) <= SAME_START_MS;
        }

        static String localHost() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "unknown host";
            }
        }
    }

    private final Database database;
    private final long campaignId;
    private final Holder holder;
    private final Handle session; // PostgreSQL: the session that holds the advisory lock; else null

    private CampaignLease(Database database, long campaignId, Holder holder, Handle session) {
        this.database = database;
        this.campaignId = campaignId;
        this.holder = holder;
        this.session = session;
    }

    /** Takes the lease of campaign {@code campaignId} ({@code name} for messages), on {@code handle}'s transaction. */
    static CampaignLease take(Database database, Handle handle, long campaignId, String name) {
        return database.dialect() == Dialect.POSTGRESQL ? lock(database, campaignId, name)
                : claim(database, handle, campaignId, name, Holder.current());
    }

    /**
     * Whether a run holds the campaign's lease now, read without taking it: on PostgreSQL the
     * advisory lock in {@code pg_locks}, on SQLite a row whose holder may still be running.
     */
    static boolean held(Dialect dialect, Handle handle, long campaignId) {
        if (dialect == Dialect.POSTGRESQL) {
            return handle.createQuery("""
                            SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
                              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                              AND classid::bigint = :space AND objid::bigint = :campaign""")
                    .bind("space", (long) LOCK_SPACE).bind("campaign", (long) (int) campaignId).mapTo(Long.class).one() > 0;
        }
        return handle.createQuery("SELECT host, pid, started_ms, token FROM campaign_leases WHERE campaign_id = :campaign")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> new Holder(rs.getString("host"), rs.getLong("pid"),
                        rs.getObject("started_ms") == null ? null : rs.getLong("started_ms"), rs.getString("token")))
                .findOne().filter(Holder::mayBeRunning).isPresent();
    }

    /** SQLite: the row, in the caller's transaction — which SQLite runs one at a time (BEGIN IMMEDIATE). */
    static CampaignLease claim(Database database, Handle handle, long campaignId, String name, Holder me) {
        Optional<Holder> held = handle.createQuery("""
                        SELECT host, pid, started_ms, token FROM campaign_leases WHERE campaign_id = :campaign""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> new Holder(rs.getString("host"), rs.getLong("pid"),
                        rs.getObject("started_ms") == null ? null : rs.getLong("started_ms"), rs.getString("token")))
                .findOne();
        if (held.isPresent() && held.get().mayBeRunning()) {
            Holder other = held.get();
            throw new BadInput("campaign '" + name + "' is already being run by process " + other.pid() + " on " + other.host()
                    + (other.startedMs() == null ? "" : " (started " + Instant.ofEpochMilli(other.startedMs()) + ")")
                    + "; wait for it to finish, or stop it and run again with --resume"
                    + (other.host().equals(Holder.localHost()) ? "" : " (from " + other.host() + ", which can see whether it is gone)"));
        }
        handle.createUpdate("DELETE FROM campaign_leases WHERE campaign_id = :campaign").bind("campaign", campaignId).execute();
        handle.createUpdate("""
                        INSERT INTO campaign_leases (campaign_id, host, pid, started_ms, token, taken_at)
                        VALUES (:campaign, :host, :pid, :started, :token, :now)""")
                .bind("campaign", campaignId).bind("host", me.host()).bind("pid", me.pid()).bind("started", me.startedMs())
                .bind("token", me.token()).bind("now", Instant.now()).execute();
        return new CampaignLease(database, campaignId, me, null);
    }

    /** PostgreSQL: a session advisory lock, on a connection of its own kept open for the run. */
    private static CampaignLease lock(Database database, long campaignId, String name) {
        Handle session = database.jdbi().open();
        boolean locked;
        try {
            locked = session.createQuery("SELECT pg_try_advisory_lock(:space, :campaign)")
                    .bind("space", LOCK_SPACE).bind("campaign", (int) campaignId) // ids past 2^31 would share a lock: harmless
                    .mapTo(Boolean.class).one();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        if (!locked) {
            session.close();
            throw new BadInput("campaign '" + name + "' is already being run by another process (it holds the campaign's "
                    + "lock in " + database.location() + "); wait for it to finish, or stop it and run again with --resume");
        }
        return new CampaignLease(database, campaignId, null, session);
    }

    /** The transaction that took the lease failed: a row goes with its rollback, a lock with its session. */
    void rolledBack() {
        if (session != null) {
            close();
        }
    }

    /** Gives the lease up; a run that dies without this leaves a lease the next run may take over. */
    @Override
    public void close() {
        try {
            if (session != null) {
                try (Handle held = session) {
                    // the server frees a closed session's locks only once its backend has ended, a moment later:
                    // unlocked here, the campaign reads as settled as soon as close returns
                    held.createQuery("SELECT pg_advisory_unlock(:space, :campaign)").bind("space", LOCK_SPACE)
                            .bind("campaign", (int) campaignId).mapTo(Boolean.class).one();
                }
                return;
            }
            database.useTransaction(handle -> handle.createUpdate(
                            "DELETE FROM campaign_leases WHERE campaign_id = :campaign AND token = :token")
                    .bind("campaign", campaignId).bind("token", holder.token()).execute());
        } catch (RuntimeException e) {
            // the database is gone: this process ends, and the next run takes the lease over as from a killed one
        }
    }
}
