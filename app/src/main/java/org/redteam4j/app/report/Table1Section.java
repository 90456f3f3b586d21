package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.redteam4j.core.analysis.Interval;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.attempt.ParameterCount;
import org.redteam4j.core.format.Json;

/**
 * Table 1 and Fig. 1 as the paper draws it: two panels, mean self-rating and mean min-harmlessness
 * against model size on a log axis, one line per model type with 95% error bars. Sizes that are not
 * numbers stay in the table but not on the axis ({@code unplotted} says which; null when none).
 */
record Table1Section(Chart chart, String unplotted, List<Row> rows) {

    /** {@code filter}: the explorer filter (JSON) that shows this cell's attempts. */
    record Row(String modelType, String size, String attempts, String meanRating, String meanMinHarmlessness, String filter) {
    }

    /** Types at one size sit this far apart on the log axis (in decades), so their error bars do not hide each other. */
    private static final double DODGE = 0.025;

    static Table1Section of(RedTeamAnalysis.Report a, Charts charts) {
        Map<String, List<RedTeamAnalysis.Cell>> byType = new LinkedHashMap<>(); // table1 is in the paper's type order
        List<String> unplotted = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (RedTeamAnalysis.Cell cell : a.table1()) {
            rows.add(new Row(cell.modelType(), cell.size(), String.valueOf(cell.attempts()), Cells.interval(cell.meanRating()),
                    Cells.interval(cell.meanMinHarmlessness()), Cells.filter("model_type", cell.modelType(), "size", cell.size())));
            byType.computeIfAbsent(cell.modelType(), t -> new ArrayList<>());
            if (ParameterCount.of(cell.size()).isPresent()) {
                byType.get(cell.modelType()).add(cell);
            } else {
                unplotted.add(cell.modelType() + " " + cell.size() + " (" + cell.attempts() + " attempts)");
            }
        }
        ObjectNode option = Json.mapper().createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "item").put("formatter", ChartOptions.TIPS);
        option.putObject("legend").put("top", 0);
        ArrayNode titles = option.putArray("title");
        ArrayNode grids = option.putArray("grid");
        ArrayNode xs = option.putArray("xAxis");
        ArrayNode ys = option.putArray("yAxis");
        String[] panels = {"Mean self-rating", "Mean min-harmlessness"};
        String[] yNames = {"mean self-rating (0–4)", "mean min-harmlessness (lower = more harmful)"};
        for (int p = 0; p < 2; p++) {
            String left = p == 0 ? "7%" : "57%";
            titles.addObject().put("text", panels[p]).put("left", left).put("top", 28).putObject("textStyle").put("fontSize", 13);
            grids.addObject().put("left", left).put("width", "38%").put("top", 70).put("bottom", 60);
            ObjectNode x = ChartOptions.axis(xs.addObject().put("type", "log").put("logBase", 10).put("gridIndex", p),
                    "model size (parameters, log scale)", 30);
            x.putObject("axisLabel").put("formatter", ChartOptions.PARAMETERS);
            x.putObject("splitLine").put("show", true);
            ChartOptions.axis(ys.addObject().put("type", "value").put("scale", true).put("gridIndex", p), yNames[p], 45);
        }
        ArrayNode series = option.putArray("series");
        int k = 0;
        for (var entry : byType.entrySet()) {
            if (entry.getValue().isEmpty()) {
                k++;
                continue;
            }
            String colour = ChartOptions.PALETTE.get(k % ChartOptions.PALETTE.size());
            double offset = Math.pow(10, (k - (byType.size() - 1) / 2.0) * DODGE);
            String type = entry.getKey();
            panel(series, 0, type, colour, offset, entry.getValue(), RedTeamAnalysis.Cell::meanRating, "mean self-rating");
            panel(series, 1, type, colour, offset, entry.getValue(), RedTeamAnalysis.Cell::meanMinHarmlessness,
                    "mean min-harmlessness");
            k++;
        }
        Chart chart = charts.add("fig1", "Mean self-rating (left) and mean min-harmlessness (right) against model size on a log "
                + "scale, one line per model type, with 95% intervals as error bars (types at one size are set slightly "
                + "apart so their bars do not overlap); " + a.attempts() + " attempts.", 400, option);
        return new Table1Section(chart, unplotted.isEmpty() ? null
                : "Not on the size axis, because their size is not a number of parameters (they are in the table): "
                        + String.join(", ", unplotted) + ".", rows);
    }

    /** One type's line and its error bars in panel {@code p}; both carry the type's name, so the legend toggles both. */
    private static void panel(ArrayNode series, int p, String type, String colour, double offset, List<RedTeamAnalysis.Cell> cells,
                              Function<RedTeamAnalysis.Cell, Interval> metric, String metricName) {
        ArrayNode line = ChartOptions.array();
        ArrayNode bars = ChartOptions.array();
        for (RedTeamAnalysis.Cell cell : cells) {
            Interval i = metric.apply(cell);
            OptionalDouble size = ParameterCount.of(cell.size());
            if (i == null || Double.isNaN(i.estimate()) || size.isEmpty()) {
                continue;
            }
            double x = size.getAsDouble() * offset;
            List<String> tip = List.of(type + ", " + cell.size(), "n = " + cell.attempts() + " attempts",
                    metricName + " " + Cells.interval(i));
            ObjectNode filter = ChartOptions.filter("model_type", type, "size", cell.size());
            line.add(ChartOptions.item(new double[] {x, i.estimate()}, tip, filter));
            bars.add(ChartOptions.item(new double[] {x, i.low(), i.high()}, tip, filter));
        }
        ObjectNode l = ChartOptions.series(type, "line", line).put("xAxisIndex", p).put("yAxisIndex", p).put("symbolSize", 7);
        l.putObject("itemStyle").put("color", colour);
        l.putObject("lineStyle").put("color", colour).put("width", 2);
        series.add(l);
        ObjectNode e = ChartOptions.series(type, "custom", bars).put("xAxisIndex", p).put("yAxisIndex", p)
                .put("renderItem", ChartOptions.ERROR_BARS).put("z", 3);
        e.putObject("itemStyle").put("color", colour);
        e.putObject("encode").put("x", 0).putArray("y").add(1).add(2);
        series.add(e);
    }
}
