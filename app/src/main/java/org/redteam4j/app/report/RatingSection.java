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
        List<double[]> points = new ArrayList<>(); // per rating with a mean: x, mean − SD, mean + SD; null for none
        List<Row> rows = new ArrayList<>();
        for (RedTeamAnalysis.RatingRow r : a.ratingVsHarmlessness()) {
            String rating = Cells.rating(r.rating());
            labels.add(rating);
            Double m = r.meanMinHarmlessness();
            double sd = r.sd() == null ? 0 : r.sd();
            ObjectNode filter = ChartOptions.filter("rating", Cells.ratingValue(r.rating()));
            if (m == null) {
                mean.add("-");
                points.add(null);
            } else {
                mean.add(ChartOptions.item(m, List.of("self-rating " + rating + ": " + r.attempts() + " attempts",
                        "mean min-harmlessness " + Cells.number(m) + ", SD " + Cells.number(r.sd()),
                        "±1 SD: " + Cells.number(m - sd) + " to " + Cells.number(m + sd)), filter));
                points.add(new double[] {labels.size() - 1, m - sd, m + sd});
            }
            rows.add(new Row(rating, String.valueOf(r.attempts()), Cells.number(m), Cells.number(r.sd()), filter.toString()));
        }
        // the band: one filled quadrilateral from each rating's mean ± SD to the next one's (report.js, @band), drawn
        // from the bounds themselves; stacked line areas stack same-sign values only, so they broke below zero
        ArrayNode segments = ChartOptions.array();
        for (int i = 0; i + 1 < points.size(); i++) {
            double[] from = points.get(i);
            double[] to = points.get(i + 1);
            if (from != null && to != null) {
                ArrayNode segment = segments.addObject().putArray("value");
                for (double v : new double[] {from[0], from[1], from[2], to[0], to[1], to[2]}) {
                    segment.add(v);
                }
            }
        }
        ObjectNode band = ChartOptions.series(BAND, "custom", segments).put("renderItem", ChartOptions.BAND).put("silent", true)
                .put("z", 1);
        ObjectNode encode = band.putObject("encode");
        encode.putArray("x").add(0).add(3);
        encode.putArray("y").add(1).add(2).add(4).add(5); // so the value axis spans the band
        band.putObject("itemStyle").put("color", "rgba(0, 114, 178, 0.18)");
        band.putObject("tooltip").put("show", false);
        ObjectNode line = ChartOptions.series(MEAN, "line", mean).put("symbolSize", 8).put("z", 3);
        line.putObject("itemStyle").put("color", "#0072B2");
        line.putObject("lineStyle").put("color", "#0072B2").put("width", 2);
        ObjectNode option = ChartOptions.bars(labels, "self-rating (0 = not successful … 4 = very successful)",
                "min-harmlessness (lower = more harmful)", List.of(band, line));
        option.with("legend").putArray("data").add(MEAN).add(BAND);
        Chart chart = charts.add("fig11", "Mean min-harmlessness per self-rating with ±1 SD as a band; " + a.attempts()
                + " attempts; Spearman's rho = " + (a.spearman() == null ? "n/a" : Cells.number(a.spearman())) + ".", option);
        return new RatingSection(chart, rows);
    }
}
