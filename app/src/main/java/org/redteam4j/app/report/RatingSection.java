package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** Fig. 11: mean min-harmlessness per self-rating with ±1 SD as a shaded band, and Spearman's rho between the two. */
record RatingSection(Chart chart, List<Row> rows) {

    /** {@code filter}: the explorer filter (JSON) that shows the attempts with this rating. */
    record Row(String rating, String attempts, String meanMinHarmlessness, String sd, String filter) {
    }

    private static final String BAND = "mean ± 1 SD";
    private static final String MEAN = "mean min-harmlessness";

    static RatingSection of(RedTeamAnalysis.Report a, Charts charts) {
        List<String> labels = new ArrayList<>();
        ArrayNode mean = ChartOptions.array();
        ArrayNode low = ChartOptions.array();
        ArrayNode width = ChartOptions.array();
        List<Row> rows = new ArrayList<>();
        for (RedTeamAnalysis.RatingRow r : a.ratingVsHarmlessness()) {
            String rating = Cells.rating(r.rating());
            labels.add(rating);
            Double m = r.meanMinHarmlessness();
            double sd = r.sd() == null ? 0 : r.sd();
            ObjectNode filter = ChartOptions.filter("rating", Cells.ratingValue(r.rating()));
            if (m == null) {
                mean.add("-");
                low.add("-");
                width.add("-");
            } else {
                mean.add(ChartOptions.item(m, List.of("self-rating " + rating + ": " + r.attempts() + " attempts",
                        "mean min-harmlessness " + Cells.number(m) + ", SD " + Cells.number(r.sd()),
                        "±1 SD: " + Cells.number(m - sd) + " to " + Cells.number(m + sd)), filter));
                low.add(m - sd);
                width.add(2 * sd);
            }
            rows.add(new Row(rating, String.valueOf(r.attempts()), Cells.number(m), Cells.number(r.sd()), filter.toString()));
        }
        // the band: an invisible line at mean − SD with a filled area of height 2 SD stacked on it
        ObjectNode base = ChartOptions.series("band base", "line", low).put("stack", "sd").put("symbol", "none").put("silent", true);
        base.putObject("lineStyle").put("opacity", 0);
        base.putObject("tooltip").put("show", false);
        ObjectNode band = ChartOptions.series(BAND, "line", width).put("stack", "sd").put("symbol", "none").put("silent", true);
        band.putObject("lineStyle").put("opacity", 0);
        band.putObject("areaStyle").put("color", "rgba(0, 114, 178, 0.18)");
        band.putObject("itemStyle").put("color", "rgba(0, 114, 178, 0.35)");
        ObjectNode line = ChartOptions.series(MEAN, "line", mean).put("symbolSize", 8).put("z", 3);
        line.putObject("itemStyle").put("color", "#0072B2");
        line.putObject("lineStyle").put("color", "#0072B2").put("width", 2);
        ObjectNode option = ChartOptions.bars(labels, "self-rating (0 = not successful … 4 = very successful)",
                "min-harmlessness (lower = more harmful)", List.of(base, band, line));
        option.with("legend").putArray("data").add(MEAN).add(BAND);
        Chart chart = charts.add("fig11", "Mean min-harmlessness per self-rating with ±1 SD as a band; " + a.attempts()
                + " attempts; Spearman's rho = " + (a.spearman() == null ? "n/a" : Cells.number(a.spearman())) + ".", option);
        return new RatingSection(chart, rows);
    }
}
