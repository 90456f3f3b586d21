package org.redteam4j.app.report;

import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.Agreement;
import org.redteam4j.core.analysis.AttackMap;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.BestOfNCurve;
import org.redteam4j.core.analysis.FalseRefusals;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/**
 * Everything the report shows: the analyses, where the data came from, whether the simulated
 * assistant was involved, and the automated campaigns' summaries with each target's model type and
 * size label, reviewer agreement per human campaign (database input only), and the attack map
 * (null when left out, with {@code mapAbsence} saying why), and the records the explorer embeds.
 */
public record ReportData(String source, boolean simulated, RedTeamAnalysis.Report analysis,
                         Map<String, List<AttackSummary.Row>> campaigns, Map<String, String> targetLabels,
                         Map<String, Agreement> agreement, AttackMap map, String mapAbsence, Explorer explorer,
                         Map<String, List<FalseRefusals.Row>> falseRefusals, Map<String, List<BestOfNCurve.Curve>> bestOfN) {

    /**
     * {@code falseRefusals}: per campaign with benign prompts, each target's over-refusal (shown beside its attack rate);
     * {@code bestOfN}: per campaign with best-of-N attacks, each target's success against the number of samples.
     */
    public ReportData {
        falseRefusals = falseRefusals == null ? Map.of() : falseRefusals;
        bestOfN = bestOfN == null ? Map.of() : bestOfN;
    }

    /** A report without best-of-N curves. */
    public ReportData(String source, boolean simulated, RedTeamAnalysis.Report analysis,
                      Map<String, List<AttackSummary.Row>> campaigns, Map<String, String> targetLabels,
                      Map<String, Agreement> agreement, AttackMap map, String mapAbsence, Explorer explorer,
                      Map<String, List<FalseRefusals.Row>> falseRefusals) {
        this(source, simulated, analysis, campaigns, targetLabels, agreement, map, mapAbsence, explorer, falseRefusals, Map.of());
    }

    /** A report of campaigns without benign prompts. */
    public ReportData(String source, boolean simulated, RedTeamAnalysis.Report analysis,
                      Map<String, List<AttackSummary.Row>> campaigns, Map<String, String> targetLabels,
                      Map<String, Agreement> agreement, AttackMap map, String mapAbsence, Explorer explorer) {
        this(source, simulated, analysis, campaigns, targetLabels, agreement, map, mapAbsence, explorer, Map.of());
    }

    /** Without the attempts: a report from tables.json, which holds the numbers only. */
    public ReportData(String source, boolean simulated, RedTeamAnalysis.Report analysis, Map<String, List<AttackSummary.Row>> campaigns,
                      Map<String, String> targetLabels, Map<String, Agreement> agreement, AttackMap map, String mapAbsence) {
        this(source, simulated, analysis, campaigns, targetLabels, agreement, map, mapAbsence,
                Explorer.absent("this report was made from a tables.json (--tables), which holds the numbers, not the attempts"));
    }
}
