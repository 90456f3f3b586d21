package org.redteam4j.app.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.FalseRefusals;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Entry;
import org.redteam4j.core.catalogue.Kind;

/**
 * Automated campaigns: per campaign a chart of success per target and judge, a row per target ×
 * strategy × tag with the raw rates and, where a judge's calibration is known, the rates corrected
 * for its error; the notes on refused or flagged corrections; and the targets whose texts held a
 * configured secret (redacted before storing). Each judge named is explained from the catalogue;
 * the rows can be filtered as text ({@code report.js}) and each opens its attempts in the explorer.
 */
record CampaignsSection(List<Campaign> campaigns) {

    /** {@code tableId}: the element id of the rows' table, which the text filter above it names. */
    /** {@code perTarget}: the chart's numbers, one row per target; {@code rows}: per target × strategy × tag. */
    /**
     * {@code byStrategy}: success per strategy × target (null with one strategy); {@code bestOfNChart} and {@code bestOfN}:
     * the empirical Best-of-N curve and its numbers (null without best-of-N attacks).
     */
    record Campaign(String name, Chart chart, Table perTarget, List<Judge> judges, String tableId, List<Row> rows,
                    List<String> corrections, List<String> findings, Table overRefusal, Table byStrategy, Chart bestOfNChart,
                    Table bestOfN) {
    }

    /** A judge as the rows name it, and what it decides (from the catalogue). */
    record Judge(String id, String decides) {
    }

    /**
     * {@code corrected}: per judge with a calibration, its corrected rate; empty when no judge has one.
     * {@code filter}: the explorer filter (JSON) for this row's attacks.
     */
    record Row(String target, String strategy, String tag, String attacks, String errors, String success, String corrected,
               String filter) {
    }

    static CampaignsSection of(ReportData data, Charts charts) {
        List<Campaign> campaigns = new ArrayList<>();
        data.campaigns().forEach((name, rows) -> {
            List<AttackSummary.Row> perTarget = AttackSummary.perTarget(rows); // merged and corrected once per campaign
            int index = campaigns.size();
            List<AttackSummary.Row> sorted = new ArrayList<>(rows);
            sorted.sort(CampaignChart.byTypeThenSize(data.targetLabels())); // stable: strategy and tag keep their order
            Chart chart = CampaignChart.add(charts, "campaign" + index, name, perTarget, data.targetLabels());
            List<org.redteam4j.core.analysis.BestOfNCurve.Curve> curves = data.bestOfN().getOrDefault(name, List.of());
            campaigns.add(new Campaign(name, chart, perTargetTable(name, perTarget, data.targetLabels()), judges(rows),
                    "campaign-rows-" + index, sorted.stream().map(r -> row(name, r)).toList(), corrections(perTarget),
                    findings(perTarget), overRefusalTable(perTarget, data.falseRefusals().getOrDefault(name, List.of())),
                    StrategyByTarget.of(name, rows, data.targetLabels()),
                    BestOfNChart.add(charts, "campaign" + index + "-best-of-n", curves, data.targetLabels()),
                    curves.isEmpty() ? null : BestOfNChart.table(curves, data.targetLabels())));
        });
        return new CampaignsSection(campaigns);
    }

    /** The chart's numbers: per target (sorted as the chart), attacks, errors and each judge's hits/judged = rate (95% CI). */
    private static Table perTargetTable(String campaign, List<AttackSummary.Row> perTarget, java.util.Map<String, String> labels) {
        List<AttackSummary.Row> sorted = new ArrayList<>(perTarget);
        sorted.sort(CampaignChart.byTypeThenSize(labels));
        Set<String> judges = new LinkedHashSet<>();
        sorted.forEach(r -> r.judges().keySet().forEach(j -> judges.add(CampaignChart.judgeName(j))));
        List<String> headers = new ArrayList<>(List.of("target", "model type and size", "attacks", "errors"));
        judges.forEach(j -> headers.add("judge " + j + ": success (95% CI)"));
        List<Table.Row> rows = new ArrayList<>();
        for (AttackSummary.Row r : sorted) {
            List<String> cells = new ArrayList<>(List.of(r.target() + (r.simulated() ? " (simulated)" : ""),
                    labels.getOrDefault(r.target(), "—"), String.valueOf(r.attacks()), String.valueOf(r.errors())));
            for (String judge : judges) {
                cells.add(r.judges().entrySet().stream().filter(e -> CampaignChart.judgeName(e.getKey()).equals(judge)).findFirst()
                        .map(e -> e.getValue().hits() + "/" + e.getValue().judged()
                                + (e.getValue().rate() == null ? " (nothing judged)" : " = " + CampaignChart.rate(e.getValue())))
                        .orElse("not judged"));
            }
            rows.add(new Table.Row(cells, Cells.filter("campaign", campaign, "target", r.target())));
        }
        return new Table(headers, rows);
    }

    /**
     * Per target with benign prompts: its attack success rate (by the first judge) beside its false
     * refusal rate on benign prompts (by the refusal judge), each with its 95% interval, so a target
     * cannot look safe by refusing everything; null when the campaign had no benign prompts.
     */
    private static Table overRefusalTable(List<AttackSummary.Row> perTarget, List<FalseRefusals.Row> refusals) {
        if (refusals.isEmpty()) {
            return null;
        }
        String judge = perTarget.stream().flatMap(r -> r.judges().keySet().stream()).findFirst().map(CampaignChart::judgeName)
                .orElse("none");
        List<String> headers = List.of("target", "attack success by judge " + judge + " (the first; 95% CI)", "benign prompts",
                "errors", "false refusal rate (refused/judged, 95% Wilson CI)");
        List<Table.Row> rows = new ArrayList<>();
        for (FalseRefusals.Row refusal : refusals) {
            AttackSummary.Rate attack = perTarget.stream().filter(r -> r.target().equals(refusal.target())).findFirst()
                    .flatMap(r -> r.judges().values().stream().findFirst()).orElse(null);
            String attackRate = attack == null || attack.rate() == null ? "not judged"
                    : attack.hits() + "/" + attack.judged() + " = " + CampaignChart.rate(attack);
            String refusalRate = refusal.refused() + "/" + refusal.judged() + (refusal.rate() == null ? " (nothing judged)"
                    : String.format(java.util.Locale.ROOT, " = %.0f%% (%.0f–%.0f%%)", 100 * refusal.rate().estimate(),
                            100 * refusal.rate().low(), 100 * refusal.rate().high()));
            rows.add(new Table.Row(List.of(refusal.target() + (refusal.simulated() ? " (simulated)" : ""), attackRate,
                    String.valueOf(refusal.prompts()), String.valueOf(refusal.errors()), refusalRate), null));
        }
        return new Table(headers, rows);
    }

    /** The judges the rows name, each with the catalogue's line on what it decides. */
    private static List<Judge> judges(List<AttackSummary.Row> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> r.judges().keySet().forEach(j -> ids.add(CampaignChart.judgeName(j))));
        return ids.stream().map(id -> new Judge(id, Catalogue.find(Kind.JUDGE, id).map(Entry::description)
                .orElse("not in this version's catalogue"))).toList();
    }

    private static List<String> findings(List<AttackSummary.Row> perTarget) {
        List<String> findings = new ArrayList<>();
        perTarget.forEach(row -> row.redacted().forEach((secret, attacks) -> findings.add("Target "
                + row.target() + ": the model's text contained the " + secret + " in " + attacks + " attack"
                + (attacks == 1 ? "" : "s") + " (redacted before it was stored).")));
        return findings;
    }

    /** Per target and judge, why its corrected rate was refused or flagged; then what "corrected" means, if any was. */
    private static List<String> corrections(List<AttackSummary.Row> perTarget) {
        List<String> notes = new ArrayList<>();
        boolean[] any = {false};
        perTarget.forEach(row -> row.judges().forEach((judge, rate) -> {
            if (rate.corrected() != null) {
                any[0] = true;
                rate.corrected().notes().forEach(note -> notes.add("Target " + row.target() + ", judge "
                        + CampaignChart.judgeName(judge) + ": " + note + "."));
            }
        }));
        if (any[0]) {
            notes.add("Corrected: the rate corrected for the judge's measured sensitivity and specificity (Rogan–Gladen), "
                    + "with a 95% interval that carries the calibration's uncertainty too; that interval treats attacks as "
                    + "independent (it is not resampled by seed).");
        }
        return notes;
    }

    private static Row row(String campaign, AttackSummary.Row r) {
        List<String> rates = new ArrayList<>();
        r.judges().forEach((judge, rate) -> rates.add(CampaignChart.judgeName(judge) + " " + rate.hits() + "/" + rate.judged()
                + (rate.rate() == null ? " (nothing judged)" : " = " + CampaignChart.rate(rate))));
        List<String> corrected = new ArrayList<>();
        r.judges().forEach((judge, rate) -> {
            if (rate.corrected() != null) {
                corrected.add(CampaignChart.judgeName(judge) + " " + rate.corrected().text());
            }
        });
        return new Row(r.target() + (r.simulated() ? " (simulated)" : ""), r.strategy(), r.tag(), String.valueOf(r.attacks()),
                String.valueOf(r.errors()), String.join("; ", rates), String.join("; ", corrected),
                Cells.filter("campaign", campaign, "target", r.target(), "strategy", r.strategy(), "tag", r.tag()));
    }
}
