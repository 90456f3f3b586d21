package org.redteam4j.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redteam4j.core.analysis.AttackSummary;

/**
 * Which strategy works on which target: a row per strategy, a column per target, each cell the
 * first judge's hits / judged = rate (95% CI) over every tag, clustered by seed like the rows below
 * it. A campaign with one strategy has no such table (the per-target table says it all).
 */
final class StrategyByTarget {

    private StrategyByTarget() {
    }

    /** Null when the campaign ran fewer than two strategies. */
    static Table of(String campaign, List<AttackSummary.Row> rows, Map<String, String> labels) {
        List<AttackSummary.Row> merged = AttackSummary.perTargetAndStrategy(rows);
        Set<String> strategies = new LinkedHashSet<>();
        List<String> targets = new ArrayList<>(new LinkedHashSet<>(merged.stream().map(AttackSummary.Row::target).toList()));
        targets.sort(CampaignChart.targetsByTypeThenSize(labels));
        Map<List<String>, AttackSummary.Row> cells = new LinkedHashMap<>();
        for (AttackSummary.Row row : merged) {
            strategies.add(row.strategy());
            cells.put(List.of(row.strategy(), row.target()), row);
        }
        if (strategies.size() < 2) {
            return null;
        }
        String judge = merged.stream().flatMap(r -> r.judges().keySet().stream()).findFirst().map(CampaignChart::judgeName)
                .orElse("none");
        List<String> headers = new ArrayList<>(List.of("strategy (judge " + judge + ": success, 95% CI)"));
        targets.forEach(target -> headers.add(target + (labels.containsKey(target) ? " — " + labels.get(target) : "")));
        List<Table.Row> table = new ArrayList<>();
        for (String strategy : strategies) {
            List<String> row = new ArrayList<>(List.of(strategy));
            for (String target : targets) {
                AttackSummary.Row cell = cells.get(List.of(strategy, target));
                row.add(cell == null ? "not run" : rate(cell, judge));
            }
            table.add(new Table.Row(row, Cells.filter("campaign", campaign, "strategy", strategy)));
        }
        return new Table(headers, table);
    }

    /** The judge's rate, as the per-target table writes it. */
    private static String rate(AttackSummary.Row cell, String judge) {
        AttackSummary.Rate rate = cell.judges().entrySet().stream().filter(e -> CampaignChart.judgeName(e.getKey()).equals(judge))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (rate == null) {
            return cell.errors() > 0 ? cell.errors() + " errors, nothing judged" : "nothing judged";
        }
        return rate.hits() + "/" + rate.judged() + (rate.rate() == null ? " (nothing judged)" : " = " + CampaignChart.rate(rate));
    }
}
