package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.attempt.ParameterCount;
import org.redteam4j.core.catalogue.ComponentId;

/**
 * A campaign's chart: success rate per target by each judge, targets labelled with model type and
 * size and sorted by type (the paper's order) then size (by value).
 */
final class CampaignChart {

    private CampaignChart() {
    }

    /** {@code perTarget}: the campaign's rows merged per target ({@link AttackSummary#perTarget}). */
    static Chart add(Charts charts, String id, String campaign, List<AttackSummary.Row> perTarget, Map<String, String> labels) {
        List<AttackSummary.Row> sorted = new ArrayList<>(perTarget);
        sorted.sort(byTypeThenSize(labels));
        List<String> targets = sorted.stream().map(r -> labels.getOrDefault(r.target(), "") + " (" + r.target() + ")").toList();
        Map<String, ArrayNode> byJudge = new LinkedHashMap<>();
        long attacks = 0;
        for (AttackSummary.Row row : sorted) {
            attacks += row.attacks();
            row.judges().keySet().forEach(judge -> byJudge.computeIfAbsent(judgeName(judge), j -> ChartOptions.array()));
        }
        for (AttackSummary.Row row : sorted) {
            String target = labels.getOrDefault(row.target(), "") + " (" + row.target() + ")";
            byJudge.forEach((name, values) -> {
                AttackSummary.Rate rate = row.judges().entrySet().stream()
                        .filter(e -> judgeName(e.getKey()).equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
                if (rate == null || rate.rate() == null) {
                    values.add("-"); // not judged: no bar, unlike a rate of 0
                } else {
                    values.add(ChartOptions.item(rate.rate().estimate(), List.of(target, "judge " + name + ": " + rate.hits() + "/"
                            + rate.judged() + " = " + rate(rate)), ChartOptions.filter("campaign", campaign, "target", row.target())));
                }
            });
        }
        List<ObjectNode> series = new ArrayList<>();
        byJudge.forEach((name, values) -> series.add(ChartOptions.barSeries("judge " + name, values)));
        ObjectNode option = ChartOptions.bars(targets, "target: model type size (name)", "success rate (hits / judged)", series);
        ObjectNode y = (ObjectNode) option.get("yAxis");
        y.put("max", 1).putObject("axisLabel").put("formatter", ChartOptions.PERCENT);
        ObjectNode x = (ObjectNode) option.get("xAxis");
        x.put("nameGap", 95);
        x.putObject("axisLabel").put("rotate", 30).put("fontSize", 10).put("interval", 0);
        option.with("grid").put("bottom", 120).put("left", 80);
        return charts.add(id, "Attack success rate per target (model type, size) by each judge; " + attacks
                + " attacks. Errors are not counted as successes or passes.", 380, option);
    }

    /** "40% (20–61%)"; a rate clustered by seed with one seed has no interval. */
    static String rate(AttackSummary.Rate rate) {
        if (Double.isNaN(rate.rate().low())) {
            return String.format(Locale.ROOT, "%.0f%% (—, one seed)", 100 * rate.rate().estimate());
        }
        return String.format(Locale.ROOT, "%.0f%% (%.0f–%.0f%%)", 100 * rate.rate().estimate(), 100 * rate.rate().low(),
                100 * rate.rate().high());
    }

    /** Labelled targets first, by model type in the paper's order, then size by value; then by name. */
    static Comparator<AttackSummary.Row> byTypeThenSize(Map<String, String> labels) {
        return Comparator.comparing(AttackSummary.Row::target, targetsByTypeThenSize(labels));
    }

    /** Target names in that order ({@code labels}: target → "model type size"); the explorer lists its targets so too. */
    static Comparator<String> targetsByTypeThenSize(Map<String, String> labels) {
        return Comparator.<String, Boolean>comparing(t -> !labels.containsKey(t))
                .thenComparing(t -> type(labels.get(t)), RedTeamAnalysis::typeOrder)
                .thenComparing(t -> size(labels.get(t)), ParameterCount.ORDER)
                .thenComparing(Comparator.naturalOrder());
    }

    /** A label is "model type size": the size is its last word. */
    private static String type(String label) {
        return label == null || label.lastIndexOf(' ') < 0 ? "" : label.substring(0, label.lastIndexOf(' '));
    }

    private static String size(String label) {
        return label == null ? "" : label.substring(label.lastIndexOf(' ') + 1);
    }

    /** A judge's catalogue id, without the settings its stored id carries, e.g. {@code pm} of {@code pm(…, threshold=0.4)}. */
    static String judgeName(String judgeId) {
        return ComponentId.parse(judgeId).catalogueId();
    }
}
