package org.redteam4j.app.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.core.attempt.ModelType;
import org.redteam4j.core.attempt.ParameterCount;
import org.redteam4j.store.stats.StoreStats;

/** {@link StoreStats} as plain-text tables for a terminal. */
final class StatsText {

    private static final String[] RATING_LABELS = {
        "not successful", "", "", "", "very successful"};
    private static final int BAR_WIDTH = 40;

    private final StoreStats stats;
    private final String database;
    private final StringBuilder out = new StringBuilder();

    StatsText(StoreStats stats, String database) {
        this.stats = stats;
        this.database = database;
    }

    String render() {
        line("Database: %s", TerminalText.line(database));
        line("");
        table1();
        line("");
        ratings();
        line("");
        members();
        line("");
        line("Also stored: %,d preference pairs, %,d attack seeds. Imports: %,d.",
                stats.preferencePairs(), stats.seeds(), stats.imports());
        return out.toString();
    }

    private void table1() {
        line("Attempts by model type and size (Table 1)");
        if (stats.table1().isEmpty()) {
            line("  (no finished attempts)");
            return;
        }
        TreeSet<String> sizes = new TreeSet<>(ParameterCount.ORDER);
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (ModelType type : ModelType.values()) {
            rows.put(type.label(), new LinkedHashMap<>());
        }
        for (StoreStats.Cell cell : stats.table1()) {
            sizes.add(cell.numParams());
            rows.computeIfAbsent(cell.modelType(), type -> new LinkedHashMap<>()).put(cell.numParams(), cell.attempts());
        }
        List<String> header = new ArrayList<>(sizes);
        header.add("total");
        StringBuilder heading = new StringBuilder(String.format("  %-22s", "model type"));
        header.forEach(size -> heading.append(String.format("%10s", TerminalText.line(size))));
        line("%s", heading);
        Map<String, Long> columnTotals = new LinkedHashMap<>();
        rows.forEach((type, counts) -> {
            StringBuilder row = new StringBuilder(String.format("  %-22s", TerminalText.line(type)));
            long total = 0;
            for (String size : sizes) {
                long n = counts.getOrDefault(size, 0L);
                total += n;
                columnTotals.merge(size, n, Long::sum);
                row.append(String.format("%,10d", n));
            }
            line("%s%,10d", row, total);
        });
        StringBuilder totals = new StringBuilder(String.format("  %-22s", "total"));
        sizes.forEach(size -> totals.append(String.format("%,10d", columnTotals.get(size))));
        line("%s%,10d", totals, stats.attempts());
    }

    private void ratings() {
        line("Ratings (0 = not successful ... 4 = very successful)");
        if (stats.attempts() == 0) {
            line("  (no ratings)");
            return;
        }
        long max = stats.ratings().values().stream().mapToLong(Long::longValue).max().orElse(1);
        stats.ratings().forEach((rating, n) -> {
            int width = (int) Math.round((double) n / max * BAR_WIDTH);
            String label = rating == Math.rint(rating) && rating >= 0 && rating <= 4 ? RATING_LABELS[rating.intValue()] : "";
            line("  %4.1f %-40s %,9d %5.1f%%  %s", rating, "#".repeat(width), n, 100.0 * n / stats.attempts(), label);
        });
        line("  mean rating %.2f; rated 3 or more (successful): %.1f%%", stats.meanRating(), 100 * stats.successRate());
    }

    private void members() {
        StringBuilder sources = new StringBuilder();
        stats.membersBySource().forEach((source, n) ->
                sources.append(sources.isEmpty() ? "" : ", ").append(String.format("%s %,d", TerminalText.line(source), n)));
        line("Members with attempts: %,d%s", stats.members(), sources.isEmpty() ? "" : " (" + sources + ")");
    }

    private void line(String format, Object... args) {
        out.append(String.format(format, args)).append('\n');
    }
}
