package org.redteam4j.app.report;

import java.util.List;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** The slope of each model type's metrics against log10(parameters); no rows when no type has two sizes. */
record ScalingSection(List<Row> rows) {

    record Row(String modelType, String metric, String sizes, String attempts, String slope, String reading) {
    }

    static ScalingSection of(RedTeamAnalysis.Report a) {
        return new ScalingSection(a.scaling().stream().map(trend -> new Row(trend.modelType(), trend.metric().replace('_', ' '),
                String.join(", ", trend.sizes()), String.valueOf(trend.attempts()), Cells.interval(trend.slope()),
                reading(trend, a.resamples()))).toList());
    }

    private static String reading(RedTeamAnalysis.Trend trend, int resamples) {
        if (Double.isNaN(trend.slope().low())) {
            return "no interval: in " + trend.undefinedResamples() + " of " + resamples + " resamples every drawn attempt was at one "
                    + "size, where a slope is undefined";
        }
        if (!trend.slope().excludesZero()) {
            return "no clear trend (interval includes zero)";
        }
        return trend.slope().estimate() > 0 ? "rises with size (interval excludes zero)" : "falls with size (interval excludes zero)";
    }
}
