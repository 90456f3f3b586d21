package org.redteam4j.app.workbench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most a few failed logins per account name and per address in a window; then wait. */
public final class LoginLimiter {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginLimiter(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String name, String address) {
        return recent("name:" + name) >= MAX_FAILURES || recent("ip:" + address) >= MAX_FAILURES * 4;
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        failures.computeIfAbsent("name:" + name, key -> new ArrayDeque<>()).add(now);
        failures.computeIfAbsent("ip:" + address, key -> new ArrayDeque<>()).add(now);
    }

    void succeeded(String name) {
        failures.remove("name:" + name);
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant cutoff = clock.instant().minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
                times.pollFirst();
            }
            return times.size();
        }
    }
}
