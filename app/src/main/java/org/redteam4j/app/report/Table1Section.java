package org.redteam4j.app.report;

import static org.redteam4j.app.report.ChartOptions.series;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** Table 1 and Fig. 1: attempts, mean rating and mean min-harmlessness per model type and size. */
record Table1Section(Chart chart, List<Row> rows) {

    /** {@code filter}: the explorer filter (JSON) that shows this cell's attempts. */
    record Row(String modelType, String size, String attempts, String meanRating, String meanMinHarmlessness, String filter) {
    }

    static Table1Section of(RedTeamAnalysis.Report a, Charts charts) {
        List<String> labels = new ArrayList<>();
        ArrayNode ratings = ChartOptions.array();
        ArrayNode harm = ChartOptions.array();
        List<Row> rows = new ArrayList<>();
        for (RedTeamAnalysis.Cell cell : a.table1()) {
            labels.add(cell.modelType() + " " + cell.size());
            ratings.add(cell.meanRating().estimate());
            if (cell.meanMinHarmlessness() == null) {
                harm.addNull();
            } else {
                harm.add(cell.meanMinHarmlessness().estimate());
            }
            rows.add(new Row(cell.modelType(), cell.size(), String.valueOf(cell.attempts()), Cells.interval(cell.meanRating()),
                    Cells.interval(cell.meanMinHarmlessness()),
                    Cells.filter("model_type", cell.modelType(), "size", cell.size())));
        }
        Chart chart = charts.add("fig1", "Mean self-rating (bars) and mean min-harmlessness (line) per model type and size; "
                + a.attempts() + " attempts. Intervals are in the table.", ChartOptions.bars(labels,
                List.of(series("mean rating", "bar", ratings), series("mean min-harmlessness", "line", harm))));
        return new Table1Section(chart, rows);
    }
}
