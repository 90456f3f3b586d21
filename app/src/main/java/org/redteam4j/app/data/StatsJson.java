package org.redteam4j.app.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.stats.StoreStats;

/** {@link StoreStats} as one JSON document, with snake_case keys like the hh-rlhf data. */
final class StatsJson {

    private StatsJson() {
    }

    static String render(StoreStats stats) throws JsonProcessingException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("attempts", stats.attempts());
        ArrayNode table1 = root.putArray("table1");
        stats.table1().forEach(cell -> table1.addObject()
                .put("model_type", cell.modelType())
                .put("num_params", cell.numParams())
                .put("attempts", cell.attempts()));
        ObjectNode ratings = root.putObject("ratings");
        stats.ratings().forEach((rating, n) -> ratings.put(String.valueOf(rating), n));
        root.put("mean_rating", stats.meanRating());
        root.put("success_rate", stats.successRate());
        ObjectNode members = root.putObject("members");
        members.put("total", stats.members());
        ObjectNode bySource = members.putObject("by_recruitment_source");
        stats.membersBySource().forEach(bySource::put);
        root.put("preference_pairs", stats.preferencePairs());
        root.put("seeds", stats.seeds());
        root.put("imports", stats.imports());
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
