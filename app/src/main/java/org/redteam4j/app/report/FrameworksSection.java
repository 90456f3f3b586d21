package org.redteam4j.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.FrameworkGrouping;
import org.redteam4j.core.catalogue.FrameworkMapping;

/**
 * "Findings by framework": per automated campaign, its attacks grouped by OWASP Top 10 for LLM
 * Applications 2025 id and by MITRE ATLAS id ({@link FrameworkGrouping}), each with attacks, errors
 * and the primary judge's hits and success rate with its 95% interval. An attack counts under every
 * id its tag, strategy and primary judge map to, so a table's rows do not add up to the campaign.
 * The OWASP entries no attack reached are named under the tables: untested, which is not safe.
 */
record FrameworksSection(List<Campaign> campaigns) {

    /**
     * The ATLAS release {@code frameworks.tsv} was written against (its header says so;
     * FrameworksSectionTest keeps the two equal), shown beside the framework's name.
     */
    static final String ATLAS_RELEASE = "data release 2026.09";

    /** One campaign's two tables, and the OWASP entries ("LLM03:2025 Supply Chain") none of its attacks reached. */
    record Campaign(String name, Table owasp, Table atlas, List<String> owaspNotReached) {
    }

    static FrameworksSection of(ReportData data) {
        FrameworkMapping mapping = FrameworkMapping.builtin();
        List<Campaign> campaigns = new ArrayList<>();
        data.campaigns().forEach((name, rows) -> {
            String judge = rows.stream().flatMap(r -> r.judges().keySet().stream()).findFirst().map(CampaignChart::judgeName)
                    .orElse("none");
            List<FrameworkGrouping.Group> owasp = FrameworkGrouping.of(rows, mapping, FrameworkGrouping.Framework.OWASP);
            campaigns.add(new Campaign(name + (rows.stream().anyMatch(AttackSummary.Row::simulated) ? " (simulated)" : ""),
                    table(name, "OWASP LLM Top 10 2025", judge, owasp),
                    table(name, "MITRE ATLAS (" + ATLAS_RELEASE + ")", judge,
                            FrameworkGrouping.of(rows, mapping, FrameworkGrouping.Framework.ATLAS)),
                    rows.isEmpty() ? List.of() : owaspNotReached(owasp, mapping)));
        });
        return new FrameworksSection(campaigns);
    }

    /** A row opens its attacks in the explorer ({@code framework} is a list field of each attack record); "none" has no filter. */
    private static Table table(String campaign, String framework, String judge, List<FrameworkGrouping.Group> groups) {
        List<Table.Row> rows = groups.stream().map(g -> new Table.Row(List.of(g.id(), g.title(), String.valueOf(g.attacks()),
                String.valueOf(g.errors()), g.rate().hits() + "/" + g.rate().judged()
                        + (g.rate().rate() == null ? " (nothing judged)" : " = " + CampaignChart.rate(g.rate()))),
                g.id().equals(FrameworkGrouping.NONE) ? null : Cells.filter("campaign", campaign, "framework", g.id()))).toList();
        return new Table(List.of(framework, "entry", "attacks", "errors", "success by judge " + judge + " (the primary; 95% CI)"),
                rows);
    }

    /** OWASP's ten 2025 entries (its ids are LLM01:2025 … LLM10:2025) that no group holds, each with its title. */
    private static List<String> owaspNotReached(List<FrameworkGrouping.Group> groups, FrameworkMapping mapping) {
        Set<String> reached = groups.stream().map(FrameworkGrouping.Group::id).collect(Collectors.toSet());
        return IntStream.rangeClosed(1, 10).mapToObj(i -> String.format(Locale.ROOT, "LLM%02d:2025", i))
                .filter(id -> !reached.contains(id)).map(id -> mapping.title(id).map(t -> id + " " + t).orElse(id)).toList();
    }
}
