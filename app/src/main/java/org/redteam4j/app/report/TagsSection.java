package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/**
 * Fig. 9: attempts and successful attempts per tag, with each tag's share of all attempts and its
 * success share; no chart and no rows when no attempt has tags.
 */
record TagsSection(Chart chart, List<Row> rows) {

    /** {@code filter}: the explorer filter (JSON) that shows this tag's attempts. */
    record Row(String tag, String attempts, String shareOfAttempts, String successful, String successShare, String filter) {
    }

    static TagsSection of(RedTeamAnalysis.Report a, Charts charts) {
        List<RedTeamAnalysis.TagCount> tags = a.tags();
        if (tags.isEmpty()) {
            return new TagsSection(null, List.of());
        }
        ArrayNode attempts = ChartOptions.array();
        ArrayNode successful = ChartOptions.array();
        for (RedTeamAnalysis.TagCount t : tags) {
            // each bar its own tip and filter: the successful bar opens the tag's successful attempts only
            List<String> attemptsTip = List.of(t.tag(), t.attempts() + " attempts (" + Cells.share(t.attempts(), a.attempts())
                    + " of all attempts)");
            List<String> successfulTip = List.of(t.tag(), t.successful() + " successful, rating ≥ 3 ("
                    + Cells.share(t.successful(), t.attempts()) + " of the tag's " + t.attempts() + " attempts)");
            attempts.add(labelled(ChartOptions.item(t.attempts(), attemptsTip, ChartOptions.filter("tag", t.tag())),
                    t.attempts() + " · " + Cells.share(t.attempts(), a.attempts())));
            successful.add(labelled(ChartOptions.item(t.successful(), successfulTip,
                    ChartOptions.filter("tag", t.tag(), "successful", true)),
                    t.successful() + " · " + Cells.share(t.successful(), t.attempts()) + " successful"));
        }
        ObjectNode option = ChartOptions.bars(tags.stream().map(RedTeamAnalysis.TagCount::tag).toList(),
                "tag", "attempts", List.of(ChartOptions.barSeries("attempts (label: count · share of all attempts)", attempts),
                        ChartOptions.barSeries("successful, rating ≥ 3 (label: count · share of the tag's attempts)", successful)));
        option.with("tooltip").put("trigger", "item"); // the hovered bar's tip, not both bars' lines
        // horizontal bars: the category axis goes on the left, most used tag on top, labels wrapped, never cut
        ObjectNode category = (ObjectNode) option.get("xAxis");
        category.put("inverse", true).put("nameGap", 10).put("nameLocation", "start");
        category.putObject("axisLabel").put("width", 240).put("overflow", "break").put("interval", 0).put("fontSize", 11)
                .put("lineHeight", 13);
        option.set("yAxis", category);
        ChartOptions.axis(option.putObject("xAxis").put("type", "value"), "attempts", 28);
        option.putObject("grid").put("left", 280).put("right", 190).put("top", 50).put("bottom", 50);
        Chart chart = charts.add("fig9", "Attempts per tag and the successful ones (rating ≥ 3); " + a.attempts() + " attempts, "
                + tags.stream().mapToLong(RedTeamAnalysis.TagCount::attempts).sum() + " tag uses (an attempt can have several tags).",
                Math.max(Chart.HEIGHT, 110 + 46 * tags.size()), option);
        return new TagsSection(chart, tags.stream().map(t -> new Row(t.tag(), String.valueOf(t.attempts()),
                Cells.share(t.attempts(), a.attempts()), String.valueOf(t.successful()), Cells.share(t.successful(), t.attempts()),
                Cells.filter("tag", t.tag()))).toList());
    }

    /** A bar with its count and share written at its end. */
    private static ObjectNode labelled(ObjectNode item, String text) {
        item.putObject("label").put("show", true).put("position", "right").put("formatter", text).put("fontSize", 10)
                .put("color", "#3e4756");
        return item;
    }
}
