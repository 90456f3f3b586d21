package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redteam4j.core.analysis.MemberStatistics;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.format.Json;

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
        Chart chart = charts.add("fig5", "Attempts per member, most active first (bars: rank on the bottom axis, attempts on the left), "
                + "and the cumulative share of all attempts against the share of members (line: top and right axes, from 0, 0; "
                + "the diamond marks 15% of members); " + a.attempts() + " attempts by " + m.members() + " members.", option(m));
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
                    ? "Whether members differ (τ² > 0) was not tested: it needs at least two members, one with two or more "
                    + "attempts, and ratings that are not all the same (or the tables file predates the test)."
                    : "Whether members differ was not tested.";
        }
        boolean significant = m.tau2PValue() < 0.05;
        String negative = m.tau2() < 0 ? "; below zero, the members' means vary less than their noise would make them, "
                + "and the shrinkage uses τ² ≈ 0" : "";
        // stratified: members are compared only with others attacking the same models; an older file's test was not
        String shuffled = m.tau2PermutedWithin() != null
                ? "member labels shuffled within each " + m.tau2PermutedWithin() + ", each member keeping its count there"
                : "member labels shuffled over all attempts, each member keeping its count";
        String differ = m.tau2PermutedWithin() != null ? "distinguishable" : "distinguishable (members' raw mean ratings "
                + "differ, which includes which models they attacked)";
        return String.format(Locale.ROOT, "Between-member variance τ² = %.3f, within-member variance σ² = %.3f (method of "
                        + "moments" + negative.replace("%", "%%") + "). A permutation test (" + shuffled + "; "
                        + "%,d permutations) gives p = %.3f: τ² is %s from zero at 5%%%s.", m.tau2(), m.sigma2(), m.permutations(),
                m.tau2PValue(), significant ? differ : "not distinguishable",
                significant ? "" : ", so the differences between members' mean ratings may be noise");
    }

    /**
     * Bars of attempts per member (rank on the bottom axis) and, as the issue defines it, the cumulative
     * share of attempts against the share of members k/n (top axis, 0–100%) from (0, 0), with a marker
     * at 15% of members and the interpolated share there. Tooltips are formatted here (@tips).
     */
    private static ObjectNode option(RedTeamAnalysis.Members m) {
        List<Long> perMember = m.attemptsPerMember();
        int n = perMember.size();
        long total = perMember.stream().mapToLong(Long::longValue).sum();
        List<String> ranks = new ArrayList<>();
        ArrayNode counts = ChartOptions.array();
        ArrayNode cumulative = ChartOptions.array();
        cumulative.add(ChartOptions.item(new double[] {0, 0}, List.of("0 members: 0% of the attempts"), null));
        long running = 0;
        for (int i = 0; i < n; i++) {
            ranks.add(String.valueOf(i + 1));
            long attempts = perMember.get(i);
            List<String> tip = new ArrayList<>(List.of("rank " + (i + 1) + (i < m.effectiveness().size()
                    ? ": member " + m.effectiveness().get(i).memberId() : ""), attempts + " attempts (" + Cells.share(attempts, total)
                    + " of all)"));
            // a click on a member's bar filters the explorer to that member
            counts.add(ChartOptions.item(attempts, tip, i < m.effectiveness().size()
                    ? ChartOptions.filter("member", m.effectiveness().get(i).memberId()) : null));
            running += attempts;
            double members = (i + 1) / (double) n;
            double share = share(running, total);
            cumulative.add(ChartOptions.item(new double[] {round(members), round(share)}, List.of("the most active " + (i + 1)
                    + " of " + n + " members (" + Cells.share(i + 1, n) + ")", "made " + Cells.share(running, total)
                    + " of the attempts"), null));
        }
        ObjectNode option = Json.mapper().createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "item").put("formatter", ChartOptions.TIPS);
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 70).put("right", 70).put("top", 70).put("bottom", 50);
        ArrayNode xAxes = option.putArray("xAxis");
        ObjectNode rank = ChartOptions.axis(xAxes.addObject().put("type", "category"), "members, most active first (rank)", 28);
        ranks.forEach(rank.putArray("data")::add);
        ObjectNode members = ChartOptions.axis(xAxes.addObject().put("type", "value").put("position", "top").put("min", 0)
                .put("max", 1), "share of members, most active first (cumulative line)", 25);
        members.putObject("axisLabel").put("formatter", ChartOptions.PERCENT);
        members.putObject("splitLine").put("show", false);
        ArrayNode yAxes = option.putArray("yAxis");
        ChartOptions.axis(yAxes.addObject().put("type", "value").put("minInterval", 1), "attempts", 45);
        ObjectNode right = ChartOptions.axis(yAxes.addObject().put("type", "value").put("min", 0).put("max", 1),
                "cumulative share of attempts", 45);
        right.putObject("axisLabel").put("formatter", ChartOptions.PERCENT);
        right.putObject("splitLine").put("show", false);
        ArrayNode series = option.putArray("series");
        series.add(ChartOptions.series("attempts", "bar", counts));
        ObjectNode curve = ChartOptions.series("cumulative share of attempts", "line", cumulative).put("xAxisIndex", 1)
                .put("yAxisIndex", 1).put("symbolSize", n > 60 ? 0 : 4).put("z", 3);
        curve.putObject("itemStyle").put("color", "#D55E00");
        curve.putObject("lineStyle").put("color", "#D55E00").put("width", 2);
        series.add(curve);
        if (n > 0) { // the number: the share at exactly 15% of members, read off this curve
            double top = m.shareFromTop15Percent();
            ObjectNode at15 = ChartOptions.series("most active 15% of members", "scatter", ChartOptions.array().add(ChartOptions.item(
                    new double[] {0.15, round(top)}, List.of("the most active 15% of members", "made " + Cells.share(top)
                            + " of the attempts (interpolated)"), null))).put("xAxisIndex", 1).put("yAxisIndex", 1)
                    .put("symbol", "diamond").put("symbolSize", 12).put("z", 4);
            at15.putObject("itemStyle").put("color", "#1d2330");
            at15.putObject("label").put("show", true).put("position", "right").put("formatter", "15% of members: " + Cells.share(top))
                    .put("fontSize", 11).put("backgroundColor", "rgba(255,255,255,0.85)").put("padding", 2);
            series.add(at15);
        }
        return option;
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
