package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
        option.putObject("legend").put("top", 0).put("type", "scroll");
        option.putObject("grid").put("left", 20).put("right", 20).put("top", 60).put("bottom", 20);
        // wheel or pinch zooms into dense places; the projection's axes mean nothing, so none are drawn (and none need a title)
        option.putObject("xAxis").put("type", "value").put("scale", true).put("show", false);
        option.putObject("yAxis").put("type", "value").put("scale", true).put("show", false);
        ArrayNode zoom = option.putArray("dataZoom");
        zoom.addObject().put("type", "inside").put("xAxisIndex", 0).put("filterMode", "none");
        zoom.addObject().put("type", "inside").put("yAxisIndex", 0).put("filterMode", "none");
        ArrayNode series = option.putArray("series");
        Random shuffle = new Random(data.analysis().seed());
        Set<AttackMap.Point> described = described(map.points(), new Random(data.analysis().seed() + 1));
        for (AttackMap.Cluster c : map.clusters()) {
            List<AttackMap.Point> own = new ArrayList<>(map.points().stream().filter(p -> p.cluster() == c.id()).toList());
            Collections.shuffle(own, shuffle); // interleaves hits and misses: the later-drawn class must not cover the other
            String colour = ChartOptions.PALETTE.get(c.id() % ChartOptions.PALETTE.size());
            ArrayNode items = ChartOptions.array();
            for (AttackMap.Point p : own) {
                List<String> tip = new ArrayList<>(List.of("cluster " + (c.id() + 1), "self-rating " + Cells.rating(p.rating())
                        + (p.successful() ? " (successful)" : " (not successful)")));
                if (described.contains(p)) {
                    tip.add(Cells.truncate(p.description(), TIP_CHARACTERS));
                }
                ObjectNode item = ChartOptions.item(new double[] {round(p.x()), round(p.y())}, tip, null);
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
        for (AttackMap.Cluster c : map.clusters()) {
            labels.add(ChartOptions.item(new double[] {c.x(), c.y()}, List.of(name(c)), ChartOptions.filter("cluster", c.id() + 1)));
        }
        ObjectNode names = ChartOptions.series("cluster labels", "scatter", labels).put("symbol", "diamond").put("symbolSize", 9)
                .put("z", 5);
        names.putObject("itemStyle").put("color", "#1d2330");
        names.putObject("label").put("show", true).put("formatter", "{b}").put("position", "top").put("fontSize", 11)
                .put("backgroundColor", "rgba(255,255,255,0.85)").put("padding", 2);
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

    /** Coordinates to 3 decimals: the map is a few hundred pixels wide, and the page stays small. */
    private static double round(float v) {
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
