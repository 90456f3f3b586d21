package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** Fig. 1 (right): attempts per min-harmlessness bin, one line per model type. */
record ByTypeSection(Chart chart) {

    static ByTypeSection of(RedTeamAnalysis.Report a, Charts charts) {
        List<ObjectNode> series = new ArrayList<>();
        List<String> labels = List.of();
        for (var entry : a.minHarmlessnessByType().entrySet()) {
            labels = entry.getValue().labels();
            series.add(ChartOptions.series(entry.getKey(), "line", ChartOptions.longs(entry.getValue().counts())));
        }
        return new ByTypeSection(charts.add("fig1b", "Attempts per min-harmlessness bin, one line per model type; "
                + a.attempts() + " attempts.", ChartOptions.bars(labels, series)));
    }
}
