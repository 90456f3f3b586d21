package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.analysis.AttackMap;
import org.redteam4j.core.format.Json;

/** Fig. 2: the attack map with its clusters, or why there is none ({@code absence}, with no chart). */
record AttackMapSection(String absence, Chart chart, List<Row> rows) {

    /** {@code filter}: the explorer filter (JSON) that shows this cluster's attempts. */
    record Row(String cluster, String words, String attempts, String successful, String share, String filter) {
    }

    static AttackMapSection of(ReportData data, Charts charts) {
        AttackMap map = data.map();
        if (map == null) {
            return new AttackMapSection(data.mapAbsence(), null, List.of());
        }
        ArrayNode hits = ChartOptions.array();
        ArrayNode misses = ChartOptions.array();
        for (AttackMap.Point p : map.points()) {
            (p.successful() ? hits : misses).addArray().add(p.x()).add(p.y());
        }
        ArrayNode labels = ChartOptions.array();
        for (AttackMap.Cluster c : map.clusters()) {
            labels.addObject().put("name", (c.id() + 1) + ": " + c.label()).putArray("value").add(c.x()).add(c.y());
        }
        ObjectNode option = Json.mapper().createObjectNode();
        option.put("animation", false);
        option.putObject("legend").put("top", 0);
        // the projection's axes mean nothing, so none are drawn
        option.putObject("xAxis").put("type", "value").put("scale", true).put("show", false);
        option.putObject("yAxis").put("type", "value").put("scale", true).put("show", false);
        ArrayNode series = option.putArray("series");
        series.add(scatter("not successful (rating < 3)", misses, "#9fb3c8"));
        series.add(scatter("successful (rating ≥ 3)", hits, "#d64545"));
        ObjectNode names = scatter("cluster labels", labels, "#1f2933").put("symbolSize", 6).put("silent", true);
        names.putObject("label").put("show", true).put("formatter", "{b}").put("position", "top").put("fontSize", 11)
                .put("backgroundColor", "rgba(255,255,255,0.8)");
        series.add(names);
        Chart chart = charts.add("fig2", "Each point is one of " + map.points().size() + " attempts, placed by its description ("
                + map.method() + "); nearby points tried similar things. Axes have no units.", option);
        return new AttackMapSection(null, chart, map.clusters().stream().map(c -> new Row(String.valueOf(c.id() + 1), c.label(),
                String.valueOf(c.attempts()), String.valueOf(c.successful()), Cells.number(c.successful() / (double) c.attempts()),
                Cells.filter("cluster", c.id() + 1)))
                .toList());
    }

    private static ObjectNode scatter(String name, ArrayNode values, String colour) {
        ObjectNode s = ChartOptions.series(name, "scatter", values).put("symbolSize", values.size() > 2000 ? 3 : 5)
                .put("large", values.size() > 2000);
        s.putObject("itemStyle").put("color", colour);
        return s;
    }
}
