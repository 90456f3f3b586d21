package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.format.Json;

/**
 * Building blocks of ECharts options: a category chart of series, a series, titled axes, data items
 * with a tooltip and an explorer filter. Functions cannot travel in JSON, so an option names them as
 * {@code "@name"} strings ({@link #TIPS}, {@link #PARAMETERS}, {@link #PERCENT}, {@link #ERROR_BARS}, {@link #BAND})
 * and {@code report.js} puts its function of that name in their place.
 */
final class ChartOptions {

    /** Tooltip formatter: the hovered items' {@code tip} lines (formatted here, escaped by report.js). */
    static final String TIPS = "@tips";
    /** Axis label formatter: a parameter count as 1B, 10B, 100M. */
    static final String PARAMETERS = "@parameters";
    /** Axis label formatter: a share 0–1 as a percentage. */
    static final String PERCENT = "@percent";
    /** A custom series' renderItem: whiskers from {@code value[1]} to {@code value[2]} at {@code value[0]}. */
    static final String ERROR_BARS = "@errorBars";
    /** A custom series' renderItem: a filled band from {@code [x0, low0, high0, x1, low1, high1]}, one item per segment. */
    static final String BAND = "@band";

    /** Distinct colours that stay distinct for colour-blind readers (Okabe–Ito, then two more). */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F6D00",
            "#000000", "#8C564B", "#9467BD", "#17BECF", "#7F7F7F");

    private ChartOptions() {
    }

    /** Series over a category x axis with the given labels and a value y axis, untitled (Fig. 5 titles its own). */
    static ObjectNode bars(List<String> labels, List<ObjectNode> series) {
        ObjectNode option = bars(labels, null, null, series);
        option.with("tooltip").remove("formatter"); // its items carry no tips
        ((ObjectNode) option.get("xAxis")).remove(List.of("name", "nameLocation", "nameGap", "nameTextStyle"));
        ((ObjectNode) option.get("yAxis")).remove(List.of("name", "nameLocation", "nameGap", "nameTextStyle"));
        option.remove("grid");
        return option;
    }

    /** Series over a category x axis with the given labels and a value y axis, both titled; tooltips show the items' tips. */
    static ObjectNode bars(List<String> labels, String xName, String yName, List<ObjectNode> series) {
        ObjectNode option = Json.mapper().createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "axis").put("formatter", TIPS);
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 70).put("right", 30).put("top", 40).put("bottom", 60);
        ObjectNode x = axis(option.putObject("xAxis").put("type", "category"), xName, 30);
        ArrayNode data = x.putArray("data");
        labels.forEach(data::add);
        axis(option.putObject("yAxis").put("type", "value"), yName, 50);
        ArrayNode list = option.putArray("series");
        series.forEach(list::add);
        return option;
    }

    /** Gives an axis its title, centred along it, {@code gap} pixels from the axis line. */
    static ObjectNode axis(ObjectNode axis, String name, int gap) {
        axis.put("name", name).put("nameLocation", "middle").put("nameGap", gap);
        axis.putObject("nameTextStyle").put("fontSize", 12).put("color", "#3e4756");
        return axis;
    }

    /** A bar series whose zero bars still show: a sliver of bar and the label "0" (a missing value, null, shows nothing). */
    static ObjectNode barSeries(String name, ArrayNode items) {
        ObjectNode s = series(name, "bar", items).put("barMinHeight", 2);
        for (var item : items) {
            if (item instanceof ObjectNode o && o.path("value").isNumber() && o.path("value").asDouble() == 0) {
                o.putObject("label").put("show", true).put("position", "top").put("formatter", "0").put("color", "#3e4756");
            }
        }
        return s;
    }

    static ObjectNode series(String name, String type, ArrayNode values) {
        ObjectNode s = Json.mapper().createObjectNode().put("name", name).put("type", type);
        s.set("data", values);
        return s;
    }

    /** A data item: its value, the tooltip's lines and (when not null) the explorer filter a click applies. */
    static ObjectNode item(double value, List<String> tip, ObjectNode filter) {
        ObjectNode item = Json.mapper().createObjectNode().put("value", value);
        return tipAndFilter(item, tip, filter);
    }

    /** A data item with several values (a point, an error bar). */
    static ObjectNode item(double[] values, List<String> tip, ObjectNode filter) {
        ObjectNode item = Json.mapper().createObjectNode();
        ArrayNode value = item.putArray("value");
        for (double v : values) {
            value.add(v);
        }
        return tipAndFilter(item, tip, filter);
    }

    private static ObjectNode tipAndFilter(ObjectNode item, List<String> tip, ObjectNode filter) {
        ArrayNode lines = item.putArray("tip");
        tip.forEach(lines::add);
        if (filter != null) {
            item.set("filter", filter);
        }
        return item;
    }

    /** An explorer filter object: field, value, field, value… */
    static ObjectNode filter(Object... fieldsAndValues) {
        ObjectNode filter = Json.mapper().createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            filter.set((String) fieldsAndValues[i], Json.mapper().valueToTree(fieldsAndValues[i + 1]));
        }
        return filter;
    }

    static ArrayNode longs(List<Long> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    static ArrayNode array() {
        return Json.mapper().createArrayNode();
    }
}
