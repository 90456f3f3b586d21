package org.redteam4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Samples, at a fixed period, the heap in use right after each pool's most recent collection —
 * memory that survived, so a leak shows while garbage not yet collected does not — without
 * forcing a collection (which would pause the server being measured). Compares the first and the
 * last minute.
 */
final class HeapSampler {

    private record Sample(double seconds, double usedMiB) {
    }

    private static final double WARM_UP_SECONDS = 10;

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final long started = System.nanoTime();

    private HeapSampler(int periodSeconds) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                double used = heapPools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum() / 1048576.0;
                samples.add(new Sample((System.nanoTime() - started) / 1e9, used));
                try {
                    Thread.sleep(periodSeconds * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start(int periodSeconds) {
        HeapSampler sampler = new HeapSampler(periodSeconds);
        sampler.thread.start();
        return sampler;
    }

    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    String report() {
        double end = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).seconds();
        double first = average(WARM_UP_SECONDS, WARM_UP_SECONDS + 60); // the sample at 0 s is taken before any load
        double last = average(end - 60, end + 1);
        StringBuilder text = new StringBuilder(String.format(
                "heap in use after the last collection: first minute (after 10 s) %.1f MiB, last minute %.1f MiB, ratio last/first %.2f (%d samples)%n",
                first, last, last / first, samples.size()));
        text.append("  samples (s: MiB):");
        samples.forEach(s -> text.append(String.format(" %.0f:%.1f", s.seconds(), s.usedMiB())));
        return text.toString();
    }

    private double average(double from, double to) {
        return samples.stream().filter(s -> s.seconds() >= from && s.seconds() < to).mapToDouble(Sample::usedMiB).average()
                .orElse(Double.NaN);
    }
}
