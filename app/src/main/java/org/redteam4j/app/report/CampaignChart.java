package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.catalogue.ComponentId;

/** A campaign's chart: success rate per target by each judge, targets labelled with model type and size. */
final class CampaignChart {

    private CampaignChart() {
    }

    /** {@code perTarget}: the campaign's rows merged per target ({@link AttackSummary#perTarget}). */
    static Chart add(Charts charts, String id, List<AttackSummary.Row> perTarget, Map<String, String> labels) {
        List<String> targets = perTarget.stream().map(r -> labels.getOrDefault(r.target(), "") + " (" + r.target() + ")").toList();
        Map<String, ArrayNode> byJudge = new LinkedHashMap<>();
        long attacks = 0;
        for (AttackSummary.Row row : perTarget) {
            attacks += row.attacks();
            row.judges().keySet().forEach(judge -> byJudge.computeIfAbsent(judgeName(judge), j -> ChartOptions.array()));
        }
        for (AttackSummary.Row row : perTarget) {
            byJudge.forEach((name, values) -> {
                AttackSummary.Rate rate = row.judges().entrySet().stream()
                        .filter(e -> judgeName(e.getKey()).equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
                if (rate == null || rate.rate() == null) {
                    values.addNull();
                } else {
                    values.add(rate.rate().estimate());
                }
            });
        }
        List<ObjectNode> series = new ArrayList<>();
        byJudge.forEach((name, values) -> series.add(ChartOptions.series(name, "bar", values)));
        ObjectNode option = ChartOptions.bars(targets, series);
        ((ObjectNode) option.get("yAxis")).put("max", 1).put("name", "success rate");
        ((ObjectNode) option.get("xAxis")).putObject("axisLabel").put("rotate", 30).put("fontSize", 10);
        option.putObject("grid").put("bottom", 110);
        return charts.add(id, "Attack success rate per target (model type, size) by each judge; " + attacks
                + " attacks. Errors are not counted as successes or passes.", option);
    }

    /** A judge's catalogue id, without the settings its stored id carries, e.g. {@code pm} of {@code pm(…, threshold=0.4)}. */
    static String judgeName(String judgeId) {
        return ComponentId.parse(judgeId).catalogueId();
    }
}
