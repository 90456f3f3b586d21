package org.redteam4j.app.report;

import static org.redteam4j.app.report.ChartOptions.series;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** Fig. 5: attempts per member with their cumulative share, and the 25 most active members' effectiveness. */
record MembersSection(String members, String topShare, Chart chart, String method, List<Row> rows) {

    record Row(String member, String attempts, String rawMean, String shrunkMean) {
    }

    static MembersSection of(RedTeamAnalysis.Report a, Charts charts) {
        RedTeamAnalysis.Members m = a.members();
        List<Row> rows = m.effectiveness().stream().limit(25).map(e -> new Row(String.valueOf(e.memberId()),
                String.valueOf(e.attempts()), Cells.number(e.rawMean()), Cells.interval(e.shrunkMean()))).toList();
        Chart chart = charts.add("fig5", "Attempts per member, most active first, and their cumulative share; "
                + a.attempts() + " attempts.", option(m.attemptsPerMember()));
        return new MembersSection(String.valueOf(m.members()), Cells.percent(m.shareFromTop15Percent()), chart, m.method(), rows);
    }

    private static ObjectNode option(List<Long> attemptsPerMember) {
        List<String> ranks = new ArrayList<>();
        ArrayNode counts = ChartOptions.array();
        ArrayNode cumulative = ChartOptions.array();
        long total = attemptsPerMember.stream().mapToLong(Long::longValue).sum();
        long running = 0;
        for (int i = 0; i < attemptsPerMember.size(); i++) {
            ranks.add(String.valueOf(i + 1));
            counts.add(attemptsPerMember.get(i));
            running += attemptsPerMember.get(i);
            cumulative.add(total == 0 ? 0 : (double) running / total);
        }
        ObjectNode option = ChartOptions.bars(ranks, List.of(series("attempts", "bar", counts),
                series("cumulative share", "line", cumulative)));
        ((ObjectNode) option.get("series").get(1)).put("yAxisIndex", 1);
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("name", "attempts");
        axes.addObject().put("type", "value").put("name", "share").put("max", 1);
        return option;
    }
}
