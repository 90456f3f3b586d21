package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.Histogram;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/**
 * Fig. 1 (right): the distribution of min-harmlessness per model type as the share of the type's
 * attempts in each bin, so a type with 168 attempts and one with 34 compare; the table has counts too.
 */
record ByTypeSection(Chart chart, Table table) {

    static ByTypeSection of(RedTeamAnalysis.Report a, Charts charts) {
        Map<String, Histogram> byType = a.minHarmlessnessByType(); // every type's histogram has the same bins
        List<String> labels = byType.values().stream().findFirst().map(Histogram::labels).orElse(List.of());
        List<ObjectNode> series = new ArrayList<>();
        List<String> headers = new ArrayList<>(List.of("min-harmlessness (bin centre)"));
        long scored = 0;
        int k = 0;
        for (var entry : byType.entrySet()) {
            long total = entry.getValue().counts().stream().mapToLong(Long::longValue).sum();
            scored += total;
            ArrayNode items = ChartOptions.array();
            for (int b = 0; b < entry.getValue().counts().size(); b++) {
                long count = entry.getValue().counts().get(b);
                items.add(ChartOptions.item(total == 0 ? 0 : count / (double) total, List.of(entry.getKey() + ", bin "
                        + labels.get(b) + ": " + count + " of " + total + " attempts (" + Cells.share(count, total) + ")"),
                        ChartOptions.filter("model_type", entry.getKey())));
            }
            ObjectNode s = ChartOptions.series(entry.getKey() + " (n = " + total + ")", "line", items).put("symbolSize", 6);
            String colour = ChartOptions.PALETTE.get(k++ % ChartOptions.PALETTE.size());
            s.putObject("itemStyle").put("color", colour);
            s.putObject("lineStyle").put("color", colour);
            series.add(s);
            headers.add(entry.getKey() + ": attempts");
            headers.add(entry.getKey() + ": share");
        }
        List<Table.Row> rows = new ArrayList<>();
        for (int b = 0; b < labels.size(); b++) {
            List<String> cells = new ArrayList<>(List.of(labels.get(b)));
            for (Histogram h : byType.values()) {
                long total = h.counts().stream().mapToLong(Long::longValue).sum();
                cells.add(String.valueOf(h.counts().get(b)));
                cells.add(Cells.share(h.counts().get(b), total));
            }
            rows.add(new Table.Row(cells));
        }
        ObjectNode option = ChartOptions.bars(labels, "min-harmlessness (bin centre; lower = more harmful)",
                "share of the type's attempts", series);
        ((ObjectNode) option.get("yAxis")).putObject("axisLabel").put("formatter", ChartOptions.PERCENT);
        return new ByTypeSection(charts.add("fig1b", "Share of each model type's attempts per min-harmlessness bin, one line "
                + "per type (each line sums to 100%); " + scored + " attempts with a harmlessness score.", option),
                new Table(headers, rows));
    }
}
