package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redteam4j.core.analysis.MemberStatistics;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/**
 * Fig. 5: attempts per member with their cumulative share, the share of the most active 15%
 * (interpolated, with a note below 20 members), the permutation test of whether members differ,
 * and the most active members' attempts, shares and shrunk mean ratings, each row a filter for the
 * explorer.
 *
 * @param smallNote null with 20 members or more
 * @param tau2Test  the sentence on the τ² permutation test
 * @param more      how many members the table leaves out ("" when none)
 */
record MembersSection(String members, String topShare, String smallNote, String tau2Test, Chart chart, String method,
                      List<Row> rows, String more) {

    /** The table's rows; {@code filter}: the explorer filter (JSON) for the member's attempts. */
    record Row(String rank, String member, String attempts, String share, String cumulativeShare, String rawMean,
               String shrunkMean, String filter) {
    }

    static final int ROWS = 25;

    static MembersSection of(RedTeamAnalysis.Report a, Charts charts) {
        RedTeamAnalysis.Members m = a.members();
        long total = m.attemptsPerMember().stream().mapToLong(Long::longValue).sum();
        List<Row> rows = new ArrayList<>();
        long running = 0;
        // the effects are in the chart's order (most attempts first, then by id), so row i is bar i
        for (int i = 0; i < m.effectiveness().size() && i < ROWS; i++) {
            RedTeamAnalysis.MemberEffect e = m.effectiveness().get(i);
            running += e.attempts();
            rows.add(new Row(String.valueOf(i + 1), String.valueOf(e.memberId()), String.valueOf(e.attempts()),
                    Cells.share(share(e.attempts(), total)), Cells.share(share(running, total)),
                    Cells.number(e.rawMean()), Cells.interval(e.shrunkMean()), Cells.filter("member", e.memberId())));
        }
        int left = m.members() - rows.size();
        String more = left <= 0 ? "" : "and " + left + " less active member" + (left == 1 ? "" : "s") + " (all in members.csv).";
        Chart chart = charts.add("fig5", "Attempts per member, most active first (bars, left axis), and the cumulative share of "
                + "all attempts (line, right axis); " + a.attempts() + " attempts by " + m.members() + " members.", option(m));
        String small = m.members() < MemberStatistics.MEANINGFUL_MEMBERS ? "With " + m.members() + " member"
                + (m.members() == 1 ? "" : "s") + " (fewer than " + MemberStatistics.MEANINGFUL_MEMBERS + ") this figure is not "
                + "meaningful: 15% of them is " + String.format(Locale.ROOT, "%.2f", 0.15 * m.members()) + " members." : null;
        return new MembersSection(String.valueOf(m.members()), Cells.share(m.shareFromTop15Percent()), small, tau2Test(m), chart,
                m.method(), rows, more);
    }

    private static double share(long part, long total) {
        return total == 0 ? 0 : (double) part / total;
    }

    /** What the permutation test says about τ², the variance of members' true mean ratings. */
    static String tau2Test(RedTeamAnalysis.Members m) {
        if (m.tau2PValue() == null) {
            return m.permutations() == 0 && m.tau2() == null
                    ? "Whether members differ (τ² > 0) was not tested: it needs at least two members with spread in their ratings"
                    + " (or the tables file predates the test)."
                    : "Whether members differ was not tested.";
        }
        boolean significant = m.tau2PValue() < 0.05;
        String negative = m.tau2() < 0 ? "; below zero, the members' means vary less than their noise would make them, "
                + "and the shrinkage uses τ² ≈ 0" : "";
        return String.format(Locale.ROOT, "Between-member variance τ² = %.3f, within-member variance σ² = %.3f (method of "
                        + "moments" + negative.replace("%", "%%") + "). A permutation test (member labels shuffled over the attempts, each member keeping its count; "
                        + "%,d permutations) gives p = %.3f: τ² is %s from zero at 5%%%s.", m.tau2(), m.sigma2(), m.permutations(),
                m.tau2PValue(), significant ? "distinguishable" : "not distinguishable",
                significant ? "" : ", so the differences between members' mean ratings may be noise");
    }

    private static ObjectNode option(RedTeamAnalysis.Members m) {
        List<Long> perMember = m.attemptsPerMember();
        List<String> ranks = new ArrayList<>();
        ArrayNode counts = ChartOptions.array();
        ArrayNode cumulative = ChartOptions.array();
        long total = perMember.stream().mapToLong(Long::longValue).sum();
        long running = 0;
        for (int i = 0; i < perMember.size(); i++) {
            ranks.add(String.valueOf(i + 1));
            ObjectNode bar = counts.addObject().put("value", perMember.get(i));
            if (i < m.effectiveness().size()) { // a click on a member's bar filters the explorer to that member
                bar.putObject("filter").put("member", m.effectiveness().get(i).memberId());
            }
            running += perMember.get(i);
            cumulative.add(total == 0 ? 0 : Math.round(10_000.0 * running / total) / 10_000.0);
        }
        ObjectNode option = ChartOptions.bars(ranks, List.of(ChartOptions.series("attempts", "bar", counts),
                ChartOptions.series("cumulative share", "line", cumulative)));
        ((ObjectNode) option.get("series").get(1)).put("yAxisIndex", 1);
        ObjectNode x = (ObjectNode) option.get("xAxis");
        x.put("name", "members, most active first").put("nameLocation", "middle").put("nameGap", 28);
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("name", "attempts").put("nameLocation", "middle").put("nameGap", 45)
                .put("minInterval", 1);
        ObjectNode right = axes.addObject().put("type", "value").put("name", "cumulative share").put("nameLocation", "middle")
                .put("nameGap", 45).put("min", 0).put("max", 1);
        right.putObject("axisLabel").put("formatter", "{value}");
        right.putObject("splitLine").put("show", false);
        option.putObject("grid").put("left", 70).put("right", 70).put("bottom", 50);
        return option;
    }
}
