package org.redteam4j.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.FrameworkGrouping;
import org.redteam4j.core.catalogue.FrameworkIds;
import org.redteam4j.core.format.Json;

/**
 * A campaign's framework grouping as JSON: {@code {"owasp": [{"id", "title", "attacks", "errors", "hits",
 * "judged", "success_rate", "ci95", "simulated"}…], "atlas": […]}}, the primary judge's rate with its 95% interval
 * (null when nothing was judged; {@code ci95} null where there is no interval, e.g. one seed).
 */
public final class FrameworksJson {

    private FrameworksJson() {
    }

    public static ObjectNode json(List<FrameworkGrouping.Group> groups) {
        ObjectNode node = Json.mapper().createObjectNode();
        for (FrameworkGrouping.Framework framework : FrameworkGrouping.Framework.values()) {
            ArrayNode array = node.putArray(framework.key());
            groups.stream().filter(g -> g.framework() == framework).forEach(g -> {
                ObjectNode group = array.addObject().put("id", g.id()).put("title", g.title()).put("attacks", g.attacks())
                        .put("errors", g.errors()).put("hits", g.rate().hits()).put("judged", g.rate().judged())
                        .put("simulated", g.simulated());
                if (g.rate().rate() == null) {
                    group.putNull("success_rate");
                    group.putNull("ci95");
                } else {
                    group.put("success_rate", g.rate().rate().estimate());
                    if (Double.isNaN(g.rate().rate().low())) {
                        group.putNull("ci95"); // one seed: nothing to resample, no interval claimed
                    } else {
                        group.putArray("ci95").add(g.rate().rate().low()).add(g.rate().rate().high());
                    }
                }
            });
        }
        return node;
    }

    /** A catalogue entry's or row's ids as {@code "owasp": […], "atlas": […]} on {@code node}. */
    public static void put(ObjectNode node, FrameworkIds ids) {
        ArrayNode owasp = node.putArray("owasp");
        ids.owasp().forEach(owasp::add);
        ArrayNode atlas = node.putArray("atlas");
        ids.atlas().forEach(atlas::add);
    }
}
