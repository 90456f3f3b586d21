package org.redteam4j.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redteam4j.core.analysis.AttackSummary;

/**
 * Automated campaigns: per campaign a chart of success per target and judge, a row per target ×
 * strategy × tag, and the targets whose texts held a configured secret (redacted before storing).
 */
record CampaignsSection(List<Campaign> campaigns) {

    record Campaign(String name, Chart chart, List<Row> rows, List<String> findings) {
    }

    record Row(String target, String strategy, String tag, String attacks, String errors, String success) {
    }

    static CampaignsSection of(ReportData data, Charts charts) {
        List<Campaign> campaigns = new ArrayList<>();
        data.campaigns().forEach((name, rows) -> campaigns.add(new Campaign(name,
                CampaignChart.add(charts, "campaign" + campaigns.size(), rows, data.targetLabels()),
                rows.stream().map(CampaignsSection::row).toList(), findings(rows))));
        return new CampaignsSection(campaigns);
    }

    private static List<String> findings(List<AttackSummary.Row> rows) {
        List<String> findings = new ArrayList<>();
        AttackSummary.perTarget(rows).forEach(row -> row.redacted().forEach((secret, attacks) -> findings.add("Target "
                + row.target() + ": the model's text contained the " + secret + " in " + attacks + " attack"
                + (attacks == 1 ? "" : "s") + " (redacted before it was stored).")));
        return findings;
    }

    private static Row row(AttackSummary.Row r) {
        List<String> rates = new ArrayList<>();
        r.judges().forEach((judge, rate) -> rates.add(CampaignChart.judgeName(judge) + " " + rate.hits() + "/" + rate.judged()
                + (rate.rate() == null ? "" : String.format(Locale.ROOT, " = %.0f%% (%.0f–%.0f%%)",
                100 * rate.rate().estimate(), 100 * rate.rate().low(), 100 * rate.rate().high()))));
        return new Row(r.target() + (r.simulated() ? " (simulated)" : ""), r.strategy(), r.tag(), String.valueOf(r.attacks()),
                String.valueOf(r.errors()), String.join("; ", rates));
    }
}
