package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.redteam4j.core.analysis.BestOfNCurve;
import org.redteam4j.core.format.Json;

/**
 * The empirical Best-of-N curve of a campaign: per target, the share of best-of-N attacks that had
 * hit by the N-th sample against N, and a table of the same
 * numbers at N = 1, 2, 4, … and the budget, each with its 95% Wilson interval.
 */
final class BestOfNChart {

    private BestOfNChart() {
    }

    /** The chart, or null when the campaign ran no best-of-N attack. */
    static Chart add(Charts charts, String id, List<BestOfNCurve.Curve> curves, Map<String, String> labels) {
        if (curves.isEmpty()) {
            return null;
        }
        int largest = curves.stream().mapToInt(c -> c.points().size()).max().orElse(0);
        List<String> samples = IntStream.rangeClosed(1, largest).mapToObj(String::valueOf).toList();
        List<ObjectNode> series = new ArrayList<>();
        for (BestOfNCurve.Curve curve : curves) {
            ArrayNode values = ChartOptions.array();
            for (BestOfNCurve.Point point : curve.points()) {
                values.add(ChartOptions.item(point.rate().estimate(), List.of(name(curve, labels), "N = " + point.n() + ": "
                        + point.hits() + "/" + point.attacks() + " = " + rate(point)), null));
            }
            series.add(line(name(curve, labels), values, series.size(), largest <= 40));
        }
        ObjectNode option = ChartOptions.bars(samples, "samples N", "attacks that hit by the N-th sample", series);
        ObjectNode y = (ObjectNode) option.get("yAxis");
        y.put("max", 1).putObject("axisLabel").put("formatter", ChartOptions.PERCENT);
        return charts.add(id, "Best-of-N: share of best-of-N attacks that had hit by the N-th sample, per target ("
                + curves.stream().mapToInt(BestOfNCurve.Curve::attacks).sum() + " attacks judged by the campaign's first judge); "
                + "an attack counts up to its own sample budget.", narrow(option, curves.size()));
    }

    /** Symbols and dashes that tell curves apart where they coincide (two targets that both hit at once). */
    private static final List<String> SYMBOLS = List.of("circle", "rect", "triangle", "diamond", "pin", "arrow");
    private static final List<String> DASHES = List.of("solid", "dashed", "dotted");

    /** The {@code index}-th target's curve: its own colour, symbol and dash. */
    private static ObjectNode line(String name, ArrayNode values, int index, boolean symbols) {
        String colour = ChartOptions.PALETTE.get(index % ChartOptions.PALETTE.size());
        ObjectNode line = ChartOptions.series(name, "line", values).put("showSymbol", symbols)
                .put("symbol", SYMBOLS.get(index % SYMBOLS.size())).put("symbolSize", 7);
        line.putObject("itemStyle").put("color", colour);
        line.putObject("lineStyle").put("color", colour).put("width", 2).put("type", DASHES.get(index % DASHES.size()));
        return line;
    }

    /**
     * The option with an ECharts media query: in a narrow chart the targets' long names would wrap the
     * legend over the plot, so there it lists one target a line and the plot starts below them.
     */
    private static ObjectNode narrow(ObjectNode option, int curves) {
        ObjectNode responsive = Json.mapper().createObjectNode();
        responsive.set("baseOption", option);
        ObjectNode phone = responsive.putArray("media").addObject();
        phone.putObject("query").put("maxWidth", 560);
        ObjectNode small = phone.putObject("option");
        small.putObject("legend").put("orient", "vertical").put("left", 10).put("top", 0)
                .putObject("textStyle").put("width", 260).put("overflow", "truncate");
        small.putObject("grid").put("left", 60).put("right", 16).put("top", 16 + 22 * curves);
        return responsive;
    }

    /** The curve's numbers at N = 1, 2, 4, … and each target's budget. */
    static Table table(List<BestOfNCurve.Curve> curves, Map<String, String> labels) {
        int largest = curves.stream().mapToInt(c -> c.points().size()).max().orElse(0);
        List<Integer> checkpoints = new ArrayList<>();
        for (int n = 1; n < largest; n *= 2) {
            checkpoints.add(n);
        }
        checkpoints.add(largest);
        List<String> headers = new ArrayList<>(List.of("target", "best-of-N attacks"));
        checkpoints.forEach(n -> headers.add("hit by N = " + n + " (95% CI)"));
        List<Table.Row> rows = new ArrayList<>();
        for (BestOfNCurve.Curve curve : curves) {
            List<String> cells = new ArrayList<>(List.of(name(curve, labels), String.valueOf(curve.attacks())));
            for (int n : checkpoints) {
                cells.add(n <= curve.points().size() ? curve.points().get(n - 1).hits() + "/" + curve.points().get(n - 1).attacks()
                        + " = " + rate(curve.points().get(n - 1)) : "beyond its budget");
            }
            rows.add(new Table.Row(cells));
        }
        return new Table(headers, rows);
    }

    private static String name(BestOfNCurve.Curve curve, Map<String, String> labels) {
        return curve.target() + (labels.containsKey(curve.target()) ? " — " + labels.get(curve.target()) : "")
                + (curve.simulated() ? " (simulated)" : "");
    }

    private static String rate(BestOfNCurve.Point point) {
        return String.format(Locale.ROOT, "%.0f%% (%.0f–%.0f%%)", 100 * point.rate().estimate(), 100 * point.rate().low(),
                100 * point.rate().high());
    }
}
