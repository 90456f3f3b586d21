package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.redteam4j.core.analysis.Histogram;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** Fig. 7: histograms of self-ratings, min-harmlessness and intent, each with its table (bin, attempts, share). */
record DistributionsSection(List<Figure> figures) {

    record Figure(Chart chart, Table table) {
    }

    static DistributionsSection of(RedTeamAnalysis.Report a, Charts charts) {
        Histogram ratings = a.ratings();
        // core's labels are String.format("%.1f") in the default locale ("2,5" on a German machine); the page writes
        // ratings as everywhere else: "3", or "2.50" for an averaged one
        List<Double> values = ratings.labels().stream().map(l -> Double.parseDouble(l.replace(',', '.'))).toList();
        return new DistributionsSection(List.of(
                histogram(charts, "fig7a", "Self-ratings (0 = not successful … 4 = very successful)", "self-rating", ratings,
                        values.stream().map(Cells::rating).toList(), b -> ChartOptions.filter("rating", Cells.ratingValue(values.get(b)))),
                histogram(charts, "fig7b", "Min-harmlessness of each transcript (lower = more harmful)",
                        "min-harmlessness (bin centre)", a.minHarmlessness(), a.minHarmlessness().labels(), b -> null),
                histogram(charts, "fig7c", "Intent: harmlessness of the task description (lower = more harmful)",
                        "harmlessness of the task description (bin centre)", a.intent(), a.intent().labels(), b -> null)));
    }

    private static Figure histogram(Charts charts, String id, String title, String xName, Histogram histogram, List<String> labels,
                                    IntFunction<com.fasterxml.jackson.databind.node.ObjectNode> filter) {
        long total = histogram.counts().stream().mapToLong(Long::longValue).sum();
        ArrayNode items = ChartOptions.array();
        List<Table.Row> rows = new ArrayList<>();
        for (int b = 0; b < histogram.counts().size(); b++) {
            long count = histogram.counts().get(b);
            var f = filter.apply(b);
            items.add(ChartOptions.item(count, List.of(xName + " " + labels.get(b) + ": " + count + " attempts ("
                    + Cells.share(count, total) + ")"), f));
            rows.add(new Table.Row(List.of(labels.get(b), String.valueOf(count), Cells.share(count, total)),
                    f == null ? null : f.toString()));
        }
        var option = ChartOptions.bars(labels, xName, "attempts", List.of(ChartOptions.barSeries("attempts", items)));
        option.remove("legend");
        option.with("grid").put("top", 20);
        return new Figure(charts.add(id, title + "; " + total + " attempts.", option),
                new Table(List.of(xName, "attempts", "share"), rows));
    }
}
