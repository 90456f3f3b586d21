package org.redteam4j.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redteam4j.core.analysis.AttackSummary;

/**
 * Automated campaigns: per campaign a chart of success per target and judge, a row per target ×
 * strategy × tag with the raw rates and, where a judge's calibration is known, the rates corrected
 * for its error; the notes on refused or flagged corrections; and the targets whose texts held a
 * configured secret (redacted before storing).
 */
record CampaignsSection(List<Campaign> campaigns) {

    record Campaign(String name, Chart chart, List<Row> rows, List<String> corrections, List<String> findings) {
    }

    /** {@code corrected}: per judge with a calibration, its corrected rate; empty when no judge has one. */
    record Row(String target, String strategy, String tag, String attacks, String errors, String success, String corrected) {
    }

    static CampaignsSection of(ReportData data, Charts charts) {
        List<Campaign> campaigns = new ArrayList<>();
        data.campaigns().forEach((name, rows) -> {
            List<AttackSummary.Row> perTarget = AttackSummary.perTarget(rows); // merged and corrected once per campaign
            campaigns.add(new Campaign(name, CampaignChart.add(charts, "campaign" + campaigns.size(), perTarget, data.targetLabels()),
                    rows.stream().map(CampaignsSection::row).toList(), corrections(perTarget), findings(perTarget)));
        });
        return new CampaignsSection(campaigns);
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

    private static Row row(AttackSummary.Row r) {
        List<String> rates = new ArrayList<>();
        r.judges().forEach((judge, rate) -> rates.add(CampaignChart.judgeName(judge) + " " + rate.hits() + "/" + rate.judged()
                + (rate.rate() == null ? "" : Double.isNaN(rate.rate().low()) // clustered by seed, one seed: no interval
                ? String.format(Locale.ROOT, " = %.0f%% (—, one seed)", 100 * rate.rate().estimate())
                : String.format(Locale.ROOT, " = %.0f%% (%.0f–%.0f%%)",
                100 * rate.rate().estimate(), 100 * rate.rate().low(), 100 * rate.rate().high()))));
        List<String> corrected = new ArrayList<>();
        r.judges().forEach((judge, rate) -> {
            if (rate.corrected() != null) {
                corrected.add(CampaignChart.judgeName(judge) + " " + rate.corrected().text());
            }
        });
        return new Row(r.target() + (r.simulated() ? " (simulated)" : ""), r.strategy(), r.tag(), String.valueOf(r.attacks()),
                String.valueOf(r.errors()), String.join("; ", rates), String.join("; ", corrected));
    }
}
