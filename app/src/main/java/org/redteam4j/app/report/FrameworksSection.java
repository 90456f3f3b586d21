package org.redteam4j.app.report;

import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.analysis.FrameworkGrouping;
import org.redteam4j.core.catalogue.FrameworkMapping;

/**
 * "Findings by framework": per automated campaign, its attacks grouped by OWASP Top 10 for LLM
 * Applications 2025 id and by MITRE ATLAS id ({@link FrameworkGrouping}), each with attacks, errors
 * and the primary judge's hits and success rate with its 95% interval. An attack counts under every
 * id its tag, strategy and primary judge map to, so a table's rows do not add up to the campaign.
 */
record FrameworksSection(List<Campaign> campaigns) {

    /** One campaign's two tables. */
    record Campaign(String name, Table owasp, Table atlas) {
    }

    static FrameworksSection of(ReportData data) {
        FrameworkMapping mapping = FrameworkMapping.builtin();
        List<Campaign> campaigns = new ArrayList<>();
        data.campaigns().forEach((name, rows) -> campaigns.add(new Campaign(name
                + (rows.stream().anyMatch(org.redteam4j.core.analysis.AttackSummary.Row::simulated) ? " (simulated)" : ""),
                table(name, "OWASP LLM Top 10 2025", FrameworkGrouping.of(rows, mapping, FrameworkGrouping.Framework.OWASP)),
                table(name, "MITRE ATLAS", FrameworkGrouping.of(rows, mapping, FrameworkGrouping.Framework.ATLAS)))));
        return new FrameworksSection(campaigns);
    }

    /** A row opens its attacks in the explorer ({@code framework} is a list field of each attack record); "none" has no filter. */
    private static Table table(String campaign, String framework, List<FrameworkGrouping.Group> groups) {
        List<Table.Row> rows = groups.stream().map(g -> new Table.Row(List.of(g.id(), g.title(), String.valueOf(g.attacks()),
                String.valueOf(g.errors()), g.rate().hits() + "/" + g.rate().judged()
                        + (g.rate().rate() == null ? "" : " = " + CampaignChart.rate(g.rate()))),
                g.id().equals(FrameworkGrouping.NONE) ? null : Cells.filter("campaign", campaign, "framework", g.id()))).toList();
        return new Table(List.of(framework, "entry", "attacks", "errors", "success by the primary judge (95% CI)"), rows);
    }
}
