package org.redteam4j.store.workbench;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The login limiter's counters, one row per key (a hash of a name or an address). The rules live
 * in the caller; this class reads a counter and changes it only if nobody changed it since
 * ({@link #replace}), so servers sharing one database never lose an update.
 */
public final class LoginThrottleRepository {

    /** One key's counts in its current window, and when an address may next be checked. */
    public record Counter(Instant windowStart, int failures, int pending, Instant nextAt, long version) {

        public static Counter fresh(Instant now) {
            return new Counter(now, 0, 0, now, 0);
        }

        /** Failed checks plus checks in flight: what a limit compares with. */
        public int used() {
            return failures + pending;
        }
    }

    private final Handle handle;

    public LoginThrottleRepository(Handle handle) {
        this.handle = handle;
    }

    public Optional<Counter> find(String keyHash) {
        return handle.createQuery("SELECT window_start, failures, pending, next_at, version FROM login_throttle WHERE key_hash = :key")
                .bind("key", keyHash)
                .map((rs, ctx) -> new Counter(rs.getTimestamp("window_start").toInstant(), rs.getInt("failures"),
                        rs.getInt("pending"), rs.getTimestamp("next_at").toInstant(), rs.getLong("version")))
                .findOne();
    }

    /**
     * Writes {@code next} over the counter read as {@code read} (absent: no row yet); false when
     * another request changed or created it in between, so the caller reads again.
     */
    public boolean replace(String keyHash, Optional<Counter> read, Counter next) {
        if (read.isEmpty()) {
            return handle.createUpdate("""
                            INSERT INTO login_throttle (key_hash, window_start, failures, pending, next_at, version)
                            VALUES (:key, :start, :failures, :pending, :next, 1)
                            ON CONFLICT (key_hash) DO NOTHING""")
                    .bind("key", keyHash).bind("start", next.windowStart()).bind("failures", next.failures())
                    .bind("pending", next.pending()).bind("next", next.nextAt()).execute() == 1;
        }
        return handle.createUpdate("""
                        UPDATE login_throttle SET window_start = :start, failures = :failures, pending = :pending,
                               next_at = :next, version = version + 1
                        WHERE key_hash = :key AND version = :version""")
                .bind("key", keyHash).bind("start", next.windowStart()).bind("failures", next.failures())
                .bind("pending", next.pending()).bind("next", next.nextAt()).bind("version", read.get().version())
                .execute() == 1;
    }

    /** A reserved check ended: it leaves the in-flight count and, if it failed, joins the failures. */
    public void finish(String keyHash, boolean failed) {
        handle.createUpdate("""
                        UPDATE login_throttle SET pending = CASE WHEN pending > 0 THEN pending - 1 ELSE 0 END,
                               failures = failures + :failed, version = version + 1
                        WHERE key_hash = :key""")
                .bind("key", keyHash).bind("failed", failed ? 1 : 0).execute();
    }

    /** A right password for a name: its failures are forgotten (its checks in flight still count). */
    public void clearFailures(String keyHash) {
        handle.createUpdate("UPDATE login_throttle SET failures = 0, version = version + 1 WHERE key_hash = :key")
                .bind("key", keyHash).execute();
    }

    /** Deletes counters whose window began before {@code windowStartedBefore} and whose wait is over; returns how many. */
    public int prune(Instant windowStartedBefore, Instant now) {
        return handle.createUpdate("DELETE FROM login_throttle WHERE window_start < :before AND next_at <= :now")
                .bind("before", windowStartedBefore).bind("now", now).execute();
    }

    public long count() {
        return handle.createQuery("SELECT COUNT(*) FROM login_throttle").mapTo(Long.class).one();
    }
}
