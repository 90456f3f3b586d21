package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.AttackMap;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.attempt.ParameterCount;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.analysis.ExplorerAttack;
import org.redteam4j.store.analysis.ExplorerAttempt;
import org.redteam4j.store.analysis.ExplorerQueries.Positioned;

/**
 * The explorer's records as the JSON {@code explorer.js} reads: each record with the filter fields
 * of the charts' contract ({@code model_type}, {@code size}, {@code member}, {@code tag},
 * {@code cluster}, {@code rating}, {@code successful}; {@code campaign}, {@code target},
 * {@code strategy}, {@code verdict}), its facts and transcript, and each field's values in the order
 * the controls list them.
 */
final class ExplorerJson {

    private ExplorerJson() {
    }

    /** The records and facets; {@code map} gives each attempt its cluster when it covers exactly these attempts. */
    static ObjectNode of(Explorer explorer, AttackMap map) {
        boolean clustered = map != null && map.points().size() == explorer.attempts();
        ObjectNode root = Json.mapper().createObjectNode().put("embedded", explorer.shown()).put("total", explorer.total());
        ArrayNode records = root.putArray("records");
        Facets facets = new Facets();
        for (Positioned<ExplorerAttempt> positioned : explorer.chosenAttempts()) {
            ExplorerAttempt a = positioned.record();
            ObjectNode r = records.addObject().put("kind", "attempt").put("n", positioned.position() + 1)
                    .put("member", a.member()).put("model_type", a.modelType()).put("size", a.size())
                    .put("rating", a.rating()).put("successful", a.successful());
            a.tags().forEach(tag -> facets.add("tag", tag));
            tags(r, a.tags());
            if (clustered) {
                int cluster = map.points().get(positioned.position()).cluster() + 1;
                r.put("cluster", cluster);
                facets.add("cluster", cluster);
            }
            putNullable(r, "min_harmlessness", a.minHarmlessness());
            putNullable(r, "intent", a.intent());
            r.put("description", a.description());
            turns(r, a.turns());
            facets.add("model_type", a.modelType());
            facets.add("size", a.size());
            facets.add("member", a.member());
            facets.add("rating", a.rating());
            facets.add("successful", a.successful());
        }
        for (Positioned<ExplorerAttack> positioned : explorer.chosenAttacks()) {
            ExplorerAttack k = positioned.record();
            ObjectNode r = records.addObject().put("kind", "attack").put("n", positioned.position() - explorer.attempts() + 1)
                    .put("key", k.key()).put("campaign", k.campaign()).put("target", k.target())
                    .put("target_label", k.targetLabel()).put("strategy", k.strategy()).put("verdict", k.verdict());
            tags(r, k.tag() == null ? List.of() : List.of(k.tag()));
            // where the attack lands in OWASP LLM Top 10 2025 and MITRE ATLAS: the report's framework rows filter on it
            List<String> frameworks = org.redteam4j.core.catalogue.FrameworkMapping.builtin().of(k.tag(), k.strategy(),
                    k.verdicts().isEmpty() ? null : k.verdicts().get(0).judge()).all();
            ArrayNode framework = r.putArray("frameworks");
            frameworks.forEach(framework::add);
            frameworks.forEach(id -> facets.add("framework", id));
            r.put("seed", k.seed());
            ArrayNode verdicts = r.putArray("verdicts");
            k.verdicts().forEach(v -> verdicts.addObject().put("judge", v.judge()).put("verdict", v.verdict())
                    .put("outcome", v.outcome()).put("rationale", v.rationale()));
            if (k.error() != null) {
                r.put("error", k.error());
            }
            turns(r, k.turns());
            facets.add("campaign", k.campaign());
            facets.add("target", k.target());
            if (k.targetLabel() != null) {
                facets.targetLabels.put(k.target(), k.targetLabel());
            }
            facets.add("strategy", k.strategy());
            facets.add("verdict", k.verdict());
            if (k.tag() != null) {
                facets.add("tag", k.tag());
            }
        }
        root.set("facets", facets.json(clustered ? map : null));
        return root;
    }

    private static void tags(ObjectNode record, List<String> tags) {
        ArrayNode array = record.putArray("tags");
        tags.forEach(array::add);
    }

    private static void turns(ObjectNode record, List<ExplorerAttempt.ScoredTurn> turns) {
        ArrayNode array = record.putArray("turns");
        for (ExplorerAttempt.ScoredTurn turn : turns) {
            ObjectNode t = array.addObject().put("role", turn.speaker().id()).put("text", turn.text());
            putNullable(t, "harmlessness", turn.harmlessness());
        }
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value != null && Double.isFinite(value)) {
            node.put(field, value);
        }
    }

    /** Each field's distinct values, ordered as the report orders them (types as the paper, sizes by parameters). */
    private static final class Facets {

        private final Map<String, List<Object>> values = new LinkedHashMap<>();
        /** target → "model type size", for the order of the targets (as the campaign charts sort them). */
        private final Map<String, String> targetLabels = new LinkedHashMap<>();

        void add(String field, Object value) {
            List<Object> list = values.computeIfAbsent(field, f -> new ArrayList<>());
            if (!list.contains(value)) {
                list.add(value);
            }
        }

        ObjectNode json(AttackMap map) {
            ObjectNode facets = Json.mapper().createObjectNode();
            for (String field : List.of("model_type", "size", "member", "tag", "cluster", "rating", "successful", "campaign",
                    "target", "strategy", "verdict", "framework")) {
                List<Object> list = new ArrayList<>(values.getOrDefault(field, List.of()));
                list.sort(order(field));
                ArrayNode array = facets.putArray(field);
                for (Object value : list) {
                    ObjectNode option = array.addObject();
                    option.set("value", Json.mapper().valueToTree(value));
                    option.put("label", label(field, value, map));
                }
            }
            return facets;
        }

        private Comparator<Object> order(String field) {
            return switch (field) {
                case "target" -> Comparator.comparing(String::valueOf, CampaignChart.targetsByTypeThenSize(targetLabels));
                case "model_type" -> (a, b) -> RedTeamAnalysis.typeOrder((String) a, (String) b);
                case "size" -> (a, b) -> ParameterCount.ORDER.compare((String) a, (String) b);
                case "member", "cluster", "rating" -> Comparator.comparingDouble(v -> ((Number) v).doubleValue());
                case "successful" -> Comparator.comparing(v -> !(Boolean) v); // yes first
                case "verdict" -> Comparator.comparingInt(v -> List.of("hit", "miss", "error").indexOf(v));
                case "campaign" -> (a, b) -> 0; // the order campaigns ran in, as the report lists them
                default -> Comparator.comparing(String::valueOf);
            };
        }

        private static String label(String field, Object value, AttackMap map) {
            if (field.equals("successful")) {
                return (Boolean) value ? "yes (rated 3 or 4)" : "no (rated 0 to 2)";
            }
            if (field.equals("cluster") && map != null) {
                int id = ((Number) value).intValue();
                return map.clusters().stream().filter(c -> c.id() + 1 == id).findFirst()
                        .map(c -> id + " — " + c.label()).orElse(String.valueOf(id));
            }
            if (field.equals("rating")) {
                double rating = ((Number) value).doubleValue(); // as JavaScript writes the number: 3, 2.5
                return rating == Math.rint(rating) ? String.valueOf((long) rating) : String.valueOf(rating);
            }
            return String.valueOf(value);
        }
    }
}
