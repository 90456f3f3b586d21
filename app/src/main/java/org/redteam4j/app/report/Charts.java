package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.redteam4j.core.format.Json;

/** Collects the page's ECharts options, in page order, for {@code report.js} to draw. */
final class Charts {

    private final ArrayNode specs = Json.mapper().createArrayNode();

    Chart add(String id, String caption, ObjectNode option) {
        return add(id, caption, Chart.HEIGHT, option);
    }

    /** A chart {@code height} pixels high (its width is the page's). */
    Chart add(String id, String caption, int height, ObjectNode option) {
        Chart chart = new Chart("chart-" + id, caption, height);
        option.put("__id", chart.id());
        specs.add(option);
        return chart;
    }

    /**
     * The options as JSON that is safe inside a script element: JSON allows \u003c for "<" (and
     * \u003e, \u0026), so neither "</script" nor "<!--" can appear; outside strings JSON has none of the three.
     */
    String json() {
        return specs.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
