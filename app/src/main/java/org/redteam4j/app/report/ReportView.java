package org.redteam4j.app.report;

import org.redteam4j.core.analysis.MemberStatistics;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/**
 * What {@code report/report.html} shows, one record per section, every value already written as
 * the text the page prints; the template escapes it. Charts are added to {@code charts} in page order.
 * {@code explorable}: the page has an explorer, so rows with a filter are clickable and focusable (only then).
 */
record ReportView(String source, String attempts, String resamples, String resampled, String resamplingNote, String seed,
                  boolean simulated, Table1Section table1,
                  ScalingSection scaling, ByTypeSection byType, MembersSection members, DistributionsSection distributions,
                  TagsSection tags, RatingSection rating, AttackMapSection attackMap, AgreementSection agreement,
                  CampaignsSection campaigns, boolean explorable, FrameworksSection frameworks) {

    static ReportView of(ReportData data, Charts charts) {
        RedTeamAnalysis.Report a = data.analysis();
        return new ReportView(data.source(), String.valueOf(a.attempts()), String.valueOf(a.resamples()), resampled(a), resamplingNote(a),
                String.valueOf(a.seed()),
                data.simulated(), Table1Section.of(a, charts), ScalingSection.of(a), ByTypeSection.of(a, charts),
                MembersSection.of(a, charts), DistributionsSection.of(a, charts), TagsSection.of(a, charts),
                RatingSection.of(a, charts), AttackMapSection.of(data, charts), AgreementSection.of(data),
                CampaignsSection.of(data, charts), data.explorer().embedded(), FrameworksSection.of(data));
    }

    /** What the meta line says the bootstrap resampled; a tables.json from before the choice resampled attempts. */
    private static String resampled(RedTeamAnalysis.Report a) {
        return RedTeamAnalysis.Resampling.of(a.bootstrap()) == RedTeamAnalysis.Resampling.MEMBERS
                ? "members (clusters; seeds for automated campaigns)" : "attempts";
    }

    /**
     * A percentile bootstrap over few clusters is itself rough (it tends to be too narrow): say so; with
     * one member there is nothing to resample. Then what "—" means: over members, a group with one member.
     */
    static String resamplingNote(RedTeamAnalysis.Report a) {
        int members = a.members().members();
        boolean overMembers = RedTeamAnalysis.Resampling.of(a.bootstrap()) == RedTeamAnalysis.Resampling.MEMBERS;
        String few = !overMembers || members == 0 || members >= MemberStatistics.MEANINGFUL_MEMBERS ? ""
                : members == 1 ? "; with one member there is nothing to resample, so the attempts' figures have no intervals"
                : "; with only " + members + " members to draw from, these intervals are rough";
        return few + "; “—” for no interval" + (overMembers ? " (a group with one member)" : "");
    }
}
