package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.analysis.Histogram;
import org.redteam4j.core.format.Json;

/** Building blocks of ECharts options: a category chart of series, a series, arrays of values. */
final class ChartOptions {

    private ChartOptions() {
    }

    /** Series over a category x axis with the given labels and a value y axis. */
    static ObjectNode bars(List<String> labels, List<ObjectNode> series) {
        ObjectNode option = Json.mapper().createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        ArrayNode data = x.putArray("data");
        labels.forEach(data::add);
        option.putObject("yAxis").put("type", "value");
        ArrayNode list = option.putArray("series");
        series.forEach(list::add);
        return option;
    }

    static ObjectNode histogram(Histogram histogram) {
        return bars(histogram.labels(), List.of(series("attempts", "bar", longs(histogram.counts()))));
    }

    static ObjectNode series(String name, String type, ArrayNode values) {
        ObjectNode s = Json.mapper().createObjectNode().put("name", name).put("type", type);
        s.set("data", values);
        return s;
    }

    static ArrayNode array() {
        return Json.mapper().createArrayNode();
    }

    static ArrayNode longs(List<Long> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }
}
