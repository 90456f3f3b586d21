package org.redteam4j.app.workbench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.redteam4j.store.Database;
import org.redteam4j.store.workbench.LoginThrottleRepository;
import org.redteam4j.store.workbench.LoginThrottleRepository.Counter;

/**
 * At most {@link #MAX_FAILURES} failed password checks per account name in a {@link #WINDOW}; per
 * client address, {@link #FREE_PER_ADDRESS} failures and then one check per delay that doubles
 * with each further failure up to {@link #MAX_DELAY} — a slow-down, never a lock-out, since many
 * people may share one address (a proxy, an office). A check is <em>reserved</em> before the
 * password is compared and counted until it ends, so parallel guesses cannot all slip past a
 * limit while bcrypt runs. The counters live in the database: they survive a restart and hold
 * across servers sharing one PostgreSQL.
 */
public final class LoginLimiter {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int FREE_PER_ADDRESS = 10;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(1);
    /** Counters are pruned at most this often (each server on its own). */
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    /** Parallel requests for one key change its row in turn; past this many losses, refuse briefly. */
    private static final int MAX_ROUNDS = 64;

    private final Database database;
    private final Clock clock;
    private final AtomicReference<Instant> nextPrune = new AtomicReference<>(Instant.MIN);

    LoginLimiter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A password check that may go ahead; {@link #finish} it once, whatever happened. */
    final class Reservation {
        private final String nameKey;
        private final String addressKey;

        private Reservation(String nameKey, String addressKey) {
            this.nameKey = nameKey;
            this.addressKey = addressKey;
        }

        void finish(boolean rightPassword) {
            database.useTransaction(handle -> {
                LoginThrottleRepository counters = new LoginThrottleRepository(handle);
                counters.finish(nameKey, !rightPassword);
                counters.finish(addressKey, !rightPassword);
                if (rightPassword) {
                    counters.clearFailures(nameKey);
                }
            });
        }
    }

    /** Reserves one check for this name from this address, or refuses with how long to wait. */
    Reservation reserve(String name, String address) {
        Instant now = clock.instant();
        prune(now);
        String nameKey = Tokens.hash("name:" + String.valueOf(name).toLowerCase(Locale.ROOT));
        String addressKey = Tokens.hash("address:" + address);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            try {
                Optional<WorkbenchFailure> refused = database.inTransaction(handle -> {
                    LoginThrottleRepository counters = new LoginThrottleRepository(handle);
                    Optional<Counter> byName = counters.find(nameKey);
                    Optional<Counter> byAddress = counters.find(addressKey);
                    Counter forName = current(byName, now);
                    Counter forAddress = current(byAddress, now);
                    if (forName.used() >= MAX_FAILURES) {
                        return Optional.of(tooMany("too many failed logins for this name", until(forName.windowStart().plus(WINDOW), now)));
                    }
                    boolean slowed = forAddress.used() >= FREE_PER_ADDRESS;
                    if (slowed && forAddress.nextAt().isAfter(now)) {
                        return Optional.of(tooMany("too many failed logins from your address", until(forAddress.nextAt(), now)));
                    }
                    Counter addressNext = reserved(forAddress);
                    if (slowed) {
                        addressNext = new Counter(addressNext.windowStart(), addressNext.failures(), addressNext.pending(),
                                now.plus(delay(forAddress.used())), addressNext.version());
                    }
                    if (!counters.replace(nameKey, byName, reserved(forName)) || !counters.replace(addressKey, byAddress, addressNext)) {
                        throw new Changed(); // rolls back a half-made reservation; read again
                    }
                    return Optional.empty();
                });
                if (refused.isPresent()) {
                    throw refused.get();
                }
                return new Reservation(nameKey, addressKey);
            } catch (Changed again) {
                // another request changed a counter between our read and our write
            }
        }
        throw tooMany("too many logins at once", Duration.ofSeconds(1));
    }

    private static Counter current(Optional<Counter> read, Instant now) {
        return read.filter(counter -> counter.windowStart().plus(WINDOW).isAfter(now) || counter.nextAt().isAfter(now))
                .orElse(Counter.fresh(now));
    }

    private static Counter reserved(Counter counter) {
        return new Counter(counter.windowStart(), counter.failures(), counter.pending() + 1, counter.nextAt(), counter.version());
    }

    /** The wait after this check: {@link #FIRST_DELAY} at the first failure past the free ones, doubling, at most {@link #MAX_DELAY}. */
    static Duration delay(int used) {
        int doublings = Math.min(used - FREE_PER_ADDRESS, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static Duration until(Instant then, Instant now) {
        Duration wait = Duration.between(now, then);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private static WorkbenchFailure tooMany(String why, Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        String when = seconds >= 120 ? (seconds + 59) / 60 + " minutes" : seconds + (seconds == 1 ? " second" : " seconds");
        return WorkbenchFailure.tooMany(why + "; try again in " + when, Duration.ofSeconds(seconds));
    }

    private void prune(Instant now) {
        Instant due = nextPrune.get();
        if (now.isBefore(due) || !nextPrune.compareAndSet(due, now.plus(PRUNE_EVERY))) {
            return;
        }
        database.useTransaction(handle -> new LoginThrottleRepository(handle).prune(now.minus(WINDOW), now));
    }

    /** Thrown inside the transaction to roll it back when a counter changed under us. */
    private static final class Changed extends RuntimeException {
        Changed() {
            super(null, null, false, false);
        }
    }
}
