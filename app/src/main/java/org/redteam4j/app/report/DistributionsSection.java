package org.redteam4j.app.report;

import java.util.List;
import org.redteam4j.core.analysis.Histogram;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** Fig. 7: histograms of self-ratings, min-harmlessness and intent. */
record DistributionsSection(List<Chart> charts) {

    static DistributionsSection of(RedTeamAnalysis.Report a, Charts charts) {
        return new DistributionsSection(List.of(
                histogram(charts, "fig7a", "Self-ratings (0 = not successful … 4 = very successful)", a.ratings(), a.attempts()),
                histogram(charts, "fig7b", "Min-harmlessness of each transcript (lower = more harmful)", a.minHarmlessness(),
                        a.attempts()),
                histogram(charts, "fig7c", "Intent: harmlessness of the task description", a.intent(), a.attempts())));
    }

    private static Chart histogram(Charts charts, String id, String title, Histogram histogram, int attempts) {
        return charts.add(id, title + "; " + attempts + " attempts.", ChartOptions.histogram(histogram));
    }
}
