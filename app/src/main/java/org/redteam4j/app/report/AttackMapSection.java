package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.redteam4j.core.analysis.AttackMap;
import org.redteam4j.core.format.Json;

/**
 * Fig. 2: the attack map, points coloured by cluster, successful attempts filled and the others
 * hollow, each cluster's points drawn in a seeded shuffled order so neither class is painted over the
 * other; labels on the cluster; under it each cluster's size, success share and three example
 * descriptions. Or why there is none ({@code absence}, with no chart).
 */
record AttackMapSection(String absence, Chart chart, List<Row> rows) {

    /** {@code filter}: the explorer filter (JSON) that shows this cluster's attempts. */
    record Row(String cluster, String words, String attempts, String successful, String share, List<String> examples,
               String filter) {
    }

    private static final int EXAMPLES = 3;
    /** Longest description in a tooltip or an example; the explorer has the full text. */
    private static final int TIP_CHARACTERS = 160;
    /** At most this many points carry their description in the tooltip. */
    static final int DESCRIBED = 5000;

    static AttackMapSection of(ReportData data, Charts charts) {
        AttackMap map = data.map();
        if (map == null) {
            return new AttackMapSection(data.mapAbsence(), null, List.of());
        }
        ObjectNode option = Json.mapper().createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "item").put("formatter", ChartOptions.TIPS);
        // a plain legend wraps into rows, so every cluster's name shows (a scroll legend hid all but five); names are cut
        // at a width so about four fit a row, and the grid starts below the rows
        ObjectNode legendOption = option.putObject("legend").put("top", 0).put("type", "plain").put("left", 10).put("right", 10);
        legendOption.putObject("textStyle").put("width", 200).put("overflow", "truncate");
        int legendRows = (map.clusters().size() + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW;
        option.putObject("grid").put("left", 40).put("right", 60).put("top", 30 + 24 * legendRows).put("bottom", 20);
        // wheel or pinch zooms into dense places; the projection's axes mean nothing, so none are drawn (and none need a title)
        option.putObject("xAxis").put("type", "value").put("scale", true).put("show", false);
        option.putObject("yAxis").put("type", "value").put("scale", true).put("show", false);
        ArrayNode zoom = option.putArray("dataZoom");
        zoom.addObject().put("type", "inside").put("xAxisIndex", 0).put("filterMode", "none");
        zoom.addObject().put("type", "inside").put("yAxisIndex", 0).put("filterMode", "none");
        ArrayNode series = option.putArray("series");
        Random shuffle = new Random(data.analysis().seed());
        Set<AttackMap.Point> described = described(map.points(), new Random(data.analysis().seed() + 1));
        Map<AttackMap.Point, double[]> spread = spread(map);
        Map<Object, long[]> at = new HashMap<>(); // a spot -> attempts there, successful ones there
        map.points().forEach(p -> {
            long[] c = at.computeIfAbsent(same(p), k -> new long[2]);
            c[0]++;
            c[1] += p.successful() ? 1 : 0;
        });
        for (AttackMap.Cluster c : map.clusters()) {
            List<AttackMap.Point> own = new ArrayList<>(map.points().stream().filter(p -> p.cluster() == c.id()).toList());
            Collections.shuffle(own, shuffle); // interleaves hits and misses: the later-drawn class must not cover the other
            String colour = ChartOptions.PALETTE.get(c.id() % ChartOptions.PALETTE.size());
            ArrayNode items = ChartOptions.array();
            for (AttackMap.Point p : own) {
                List<String> tip = new ArrayList<>(List.of("cluster " + (c.id() + 1), "self-rating " + Cells.rating(p.rating())
                        + (p.successful() ? " (successful)" : " (not successful)")));
                long[] here = at.get(same(p));
                if (here[0] > 1) {
                    tip.add(here[1] + " of " + here[0] + " attempts with this description successful (spread around one position)");
                }
                if (described.contains(p)) {
                    tip.add(Cells.truncate(p.description(), TIP_CHARACTERS));
                }
                double[] xy = spread.get(p);
                ObjectNode item = ChartOptions.item(new double[] {round(xy[0]), round(xy[1])}, tip, null);
                // hollow rings let what is under them show through, so filled discs are half transparent too:
                // otherwise the filled class would look larger than it is wherever points overlap
                if (p.successful()) {
                    item.putObject("itemStyle").put("opacity", 0.6);
                } else {
                    item.putObject("itemStyle").put("color", "rgba(255,255,255,0)");
                }
                items.add(item);
            }
            ObjectNode s = ChartOptions.series(name(c), "scatter", items).put("symbolSize", own.size() > 3000 ? 4 : 6);
            s.set("filter", ChartOptions.filter("cluster", c.id() + 1)); // a click on any of its points (report.js)
            s.putObject("itemStyle").put("color", colour).put("borderColor", colour).put("borderWidth", 1.2);
            series.add(s);
        }
        ArrayNode labels = ChartOptions.array();
        double minX = map.points().stream().mapToDouble(AttackMap.Point::x).min().orElse(0);
        double maxX = map.points().stream().mapToDouble(AttackMap.Point::x).max().orElse(0);
        for (AttackMap.Cluster c : map.clusters()) {
            ObjectNode label = ChartOptions.item(new double[] {c.x(), c.y()}, List.of(name(c)), ChartOptions.filter("cluster", c.id() + 1));
            // a label on the right half reads leftwards from its diamond, so none runs off the chart's right edge
            label.putObject("label").put("position", c.x() > (minX + maxX) / 2 ? "left" : "right");
            labels.add(label);
        }
        ObjectNode names = ChartOptions.series("cluster labels", "scatter", labels).put("symbol", "diamond").put("symbolSize", 9)
                .put("z", 5);
        names.putObject("itemStyle").put("color", "#1d2330");
        names.putObject("label").put("show", true).put("formatter", "{b}").put("fontSize", 11).put("width", 220)
                .put("overflow", "truncate").put("backgroundColor", "rgba(255,255,255,0.85)").put("padding", 2);
        for (int i = 0; i < labels.size(); i++) {
            ((ObjectNode) labels.get(i)).put("name", name(map.clusters().get(i)));
        }
        series.add(names);
        ArrayNode legend = option.with("legend").putArray("data"); // the clusters; the labels' series needs no entry
        map.clusters().forEach(c -> legend.add(name(c)));
        long hits = map.points().stream().filter(AttackMap.Point::successful).count();
        Chart chart = charts.add("fig2", "Each point is one of " + map.points().size() + " attempts, placed by its description ("
                + map.method() + "); nearby points tried similar things. Colour: cluster (a diamond with its number and words marks each); "
                + "filled: successful (rating ≥ 3, " + hits + " attempts), hollow: not successful (" + (map.points().size() - hits)
                + "). Axes have no units; scroll or pinch on the map to zoom."
                + (spread.values().stream().anyMatch(v -> v.length > 2) ? " Attempts with the same description land on the same "
                        + "spot; so that each shows, they are spread in a small spiral around it (a tooltip says how many of them "
                        + "succeeded)." : "")
                + (map.points().size() > DESCRIBED ? " Tooltips show the description of a seeded sample of " + DESCRIBED
                        + " points (the others show cluster and rating)." : ""), 520, option);
        return new AttackMapSection(null, chart, map.clusters().stream().map(c -> new Row(String.valueOf(c.id() + 1), c.label(),
                String.valueOf(c.attempts()), String.valueOf(c.successful()), Cells.share(c.successful(), c.attempts()),
                examples(map, c), Cells.filter("cluster", c.id() + 1))).toList());
    }

    /**
     * The points whose tooltip shows their description: all of them up to {@link #DESCRIBED}, else a
     * seeded uniform sample of that many, so a 40,000-attempt map stays a few megabytes.
     */
    private static Set<AttackMap.Point> described(List<AttackMap.Point> points, Random random) {
        List<AttackMap.Point> shuffled = new ArrayList<>(points);
        if (points.size() > DESCRIBED) {
            Collections.shuffle(shuffled, random);
        }
        Set<AttackMap.Point> sample = Collections.newSetFromMap(new IdentityHashMap<>()); // equal records are still two points
        sample.addAll(shuffled.subList(0, Math.min(DESCRIBED, shuffled.size())));
        return sample;
    }

    /**
     * Where each point is drawn: at its position, except that points with the same description (which
     * embed identically, so UMAP stacks them) are laid out on a small sunflower spiral around the first, so
     * filled and hollow markers do not hide each other. The step is 0.6% of the map's larger extent,
     * about a marker's width. Moved points get a third coordinate (a flag: the caption says so).
     */
    private static Map<AttackMap.Point, double[]> spread(AttackMap map) {
        double width = map.points().stream().mapToDouble(AttackMap.Point::x).max().orElse(0)
                - map.points().stream().mapToDouble(AttackMap.Point::x).min().orElse(0);
        double height = map.points().stream().mapToDouble(AttackMap.Point::y).max().orElse(0)
                - map.points().stream().mapToDouble(AttackMap.Point::y).min().orElse(0);
        double step = 0.006 * Math.max(Math.max(width, height), 1e-6);
        Map<Object, AttackMap.Point> first = new HashMap<>();
        Map<Object, Integer> seen = new HashMap<>();
        Map<AttackMap.Point, double[]> drawn = new IdentityHashMap<>(); // equal records are still two points
        for (AttackMap.Point p : map.points()) {
            Object key = same(p);
            AttackMap.Point centre = first.computeIfAbsent(key, k -> p);
            int k = seen.merge(key, 1, Integer::sum) - 1;
            double angle = k * GOLDEN_ANGLE;
            double r = step * Math.sqrt(k);
            drawn.put(p, k == 0 ? new double[] {p.x(), p.y()}
                    : new double[] {centre.x() + r * Math.cos(angle), centre.y() + r * Math.sin(angle), 1});
        }
        return drawn;
    }

    /** What makes two points one spot: the same description (UMAP places those within a hair), else the same position. */
    private static Object same(AttackMap.Point p) {
        String text = p.description() == null ? "" : p.description().strip();
        return text.isEmpty() ? List.of(p.x(), p.y()) : text;
    }

    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
    private static final int LEGEND_PER_ROW = 4;

    /** Coordinates to 3 decimals: the map is a few hundred pixels wide, and the page stays small. */
    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    private static String name(AttackMap.Cluster c) {
        return (c.id() + 1) + ": " + c.label();
    }

    /** The cluster's most typical descriptions: its distinct ones nearest the label point. */
    private static List<String> examples(AttackMap map, AttackMap.Cluster c) {
        Set<String> examples = new LinkedHashSet<>();
        map.points().stream().filter(p -> p.cluster() == c.id())
                .sorted(Comparator.comparingDouble(p -> Math.hypot(p.x() - c.x(), p.y() - c.y())))
                .map(p -> Cells.truncate(p.description(), TIP_CHARACTERS))
                .filter(text -> !text.isEmpty())
                .takeWhile(text -> examples.size() < EXAMPLES)
                .forEach(examples::add);
        return List.copyOf(examples);
    }
}
