package org.redteam4j.app.report;

import static org.redteam4j.app.report.ChartOptions.longs;
import static org.redteam4j.app.report.ChartOptions.series;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** Fig. 9: tagged attempts and successful ones per tag; no chart and no rows when no attempt has tags. */
record TagsSection(Chart chart, List<Row> rows) {

    record Row(String tag, String attempts, String successful) {
    }

    static TagsSection of(RedTeamAnalysis.Report a, Charts charts) {
        List<RedTeamAnalysis.TagCount> tags = a.tags();
        if (tags.isEmpty()) {
            return new TagsSection(null, List.of());
        }
        ObjectNode option = ChartOptions.bars(tags.stream().map(RedTeamAnalysis.TagCount::tag).toList(), List.of(
                series("attempts", "bar", longs(tags.stream().map(RedTeamAnalysis.TagCount::attempts).toList())),
                series("successful", "bar", longs(tags.stream().map(RedTeamAnalysis.TagCount::successful).toList()))));
        option.set("yAxis", option.get("xAxis"));
        option.putObject("xAxis").put("type", "value");
        option.putObject("grid").put("left", 260);
        Chart chart = charts.add("fig9", "Tagged attempts per tag; " + tags.stream().mapToLong(RedTeamAnalysis.TagCount::attempts).sum()
                + " tag uses.", option);
        return new TagsSection(chart, tags.stream().map(t -> new Row(t.tag(), String.valueOf(t.attempts()),
                String.valueOf(t.successful()))).toList());
    }
}
