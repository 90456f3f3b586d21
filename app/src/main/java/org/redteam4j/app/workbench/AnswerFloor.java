package org.redteam4j.app.workbench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.LiveAttemptRepository;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.CampaignRepository;

/**
 * Pads each turn's answer time to a floor per campaign, so a member cannot tell the targets apart
 * by how long they take (a rejection-sampling target draws k replies and scores them; a plain one
 * draws two). The floor is the campaign's {@code answer_floor_ms} when an admin set one (0 = off),
 * else the slowest target's median draw time over its {@value #RECENT} latest turns in the
 * campaign. The draw times are the store's (kept on each turn), read once per campaign and then
 * followed here.
 */
public final class AnswerFloor {

    /** How many of a target's latest draws its median is taken over. */
    static final int RECENT = 50;
    /** How long an admin's setting may take to reach a running server's answers. */
    private static final long SETTING_TTL_NANOS = Duration.ofSeconds(10).toNanos();

    /** Waits: the real one sleeps; tests record. */
    @FunctionalInterface
    interface Waiter {
        void await(Duration pad) throws InterruptedException;
    }

    private final Database database;
    private final Waiter waiter;
    private final Map<Long, CampaignDraws> campaigns = new ConcurrentHashMap<>();

    AnswerFloor(Database database) {
        this(database, pad -> Thread.sleep(pad.toMillis()));
    }

    AnswerFloor(Database database, Waiter waiter) {
        this.database = database;
        this.waiter = waiter;
    }

    /**
     * Records a turn's draw time and holds its answer until the floor: call it after the draw,
     * before answering. Returns how long it held.
     */
    public Duration hold(long campaignId, long targetId, long drawMillis) {
        Duration pad = record(campaignId, targetId, drawMillis);
        if (!pad.isZero()) {
            try {
                waiter.await(pad);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the server is stopping: answer now
            }
        }
        return pad;
    }

    /** The pad for a turn drawn in {@code drawMillis}: the floor before this turn counts, less the draw time. */
    Duration record(long campaignId, long targetId, long drawMillis) {
        CampaignDraws draws = campaigns.computeIfAbsent(campaignId, this::load);
        long floor = floorMillis(campaignId, draws);
        draws.add(targetId, drawMillis);
        return Duration.ofMillis(Math.max(0, floor - drawMillis));
    }

    /** The campaign's floor now, in milliseconds (0 = off). */
    public long floorMillis(long campaignId) {
        return floorMillis(campaignId, campaigns.computeIfAbsent(campaignId, this::load));
    }

    /** Sets (or, with null, clears back to the slowest target's median) a campaign's floor. */
    public void set(Principal admin, long campaignId, Long floorMillis) {
        admin.require(Account.Role.ADMIN);
        if (floorMillis != null && (floorMillis < 0 || floorMillis > Duration.ofMinutes(5).toMillis())) {
            throw WorkbenchFailure.invalid("answer_floor_ms: from 0 (off) to 300000 (5 minutes), or null for the default");
        }
        boolean found = database.inTransaction(handle -> new CampaignRepository(handle).setAnswerFloor(campaignId, floorMillis));
        if (!found) {
            throw WorkbenchFailure.notFound();
        }
        campaigns.remove(campaignId);
    }

    private long floorMillis(long campaignId, CampaignDraws draws) {
        Optional<Long> set = draws.setting(() -> database.read(handle ->
                new CampaignRepository(handle).answerFloor(campaignId)));
        return set.orElseGet(draws::slowestMedian);
    }

    private CampaignDraws load(long campaignId) {
        Map<Long, List<Long>> recent = database.read(handle ->
                new LiveAttemptRepository(handle).recentDrawMillis(campaignId, RECENT));
        CampaignDraws draws = new CampaignDraws();
        recent.forEach((target, newestFirst) -> {
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                draws.add(target, newestFirst.get(i));
            }
        });
        return draws;
    }

    /** One campaign's latest draw times per target, and its admin's setting as last read. */
    private static final class CampaignDraws {
        private final Map<Long, Deque<Long>> byTarget = new ConcurrentHashMap<>();
        private Optional<Long> setting = Optional.empty();
        private long settingReadAt = Long.MIN_VALUE;

        synchronized void add(long target, long millis) {
            Deque<Long> times = byTarget.computeIfAbsent(target, id -> new ArrayDeque<>());
            times.addLast(millis);
            if (times.size() > RECENT) {
                times.removeFirst();
            }
        }

        synchronized long slowestMedian() {
            long slowest = 0;
            for (Deque<Long> times : byTarget.values()) {
                slowest = Math.max(slowest, median(times));
            }
            return slowest;
        }

        synchronized Optional<Long> setting(java.util.function.Supplier<Optional<Long>> read) {
            long now = System.nanoTime();
            if (settingReadAt == Long.MIN_VALUE || now - settingReadAt > SETTING_TTL_NANOS) {
                setting = read.get();
                settingReadAt = now;
            }
            return setting;
        }

        private static long median(Deque<Long> times) {
            if (times.isEmpty()) {
                return 0;
            }
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
