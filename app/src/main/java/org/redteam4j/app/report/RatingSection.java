package org.redteam4j.app.report;

import static org.redteam4j.app.report.ChartOptions.series;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** Fig. 11: mean min-harmlessness per self-rating with ±1 SD, and Spearman's rho between the two. */
record RatingSection(Chart chart, List<Row> rows) {

    record Row(String rating, String attempts, String meanMinHarmlessness, String sd) {
    }

    static RatingSection of(RedTeamAnalysis.Report a, Charts charts) {
        List<String> labels = new ArrayList<>();
        ArrayNode mean = ChartOptions.array();
        ArrayNode low = ChartOptions.array();
        ArrayNode high = ChartOptions.array();
        List<Row> rows = new ArrayList<>();
        for (RedTeamAnalysis.RatingRow r : a.ratingVsHarmlessness()) {
            labels.add(Cells.number(r.rating()));
            Double m = r.meanMinHarmlessness();
            double sd = r.sd() == null ? 0 : r.sd();
            mean.add(m == null ? Double.NaN : m);
            low.add(m == null ? Double.NaN : m - sd);
            high.add(m == null ? Double.NaN : m + sd);
            rows.add(new Row(Cells.number(r.rating()), String.valueOf(r.attempts()), Cells.number(m), Cells.number(r.sd())));
        }
        Chart chart = charts.add("fig11", "Mean min-harmlessness per self-rating with ±1 SD; " + a.attempts()
                + " attempts; Spearman's rho = " + (a.spearman() == null ? "n/a" : Cells.number(a.spearman())) + ".",
                ChartOptions.bars(labels, List.of(series("mean", "line", mean), series("mean − 1 SD", "line", low),
                        series("mean + 1 SD", "line", high))));
        return new RatingSection(chart, rows);
    }
}
