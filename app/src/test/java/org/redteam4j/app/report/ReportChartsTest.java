package org.redteam4j.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.analysis.AttackMap;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.format.Json;

/** The chart options the report's sections build, read back as the JSON report.js receives. */
class ReportChartsTest {

    /** 2.7B and 52B for two types, and one size that is not a number; ratings and scores vary with i. */
    private static RedTeamAnalysis.Report report() {
        List<AttemptFacts> facts = new ArrayList<>();
        String[][] cells = {{"plain lm", "52B"}, {"plain lm", "2.7B"}, {"rlhf", "2.7B"}, {"rlhf", "52B"}, {"rlhf", "small"}};
        for (int c = 0; c < cells.length; c++) {
            for (int i = 0; i < 6 + 4 * c; i++) {
                facts.add(new AttemptFacts(cells[c][0], cells[c][1], (i + c) % 5, 0.1 * ((i * 7 + c) % 9), 0.2, i % 3,
                        List.of(i % 2 == 0 ? "Theft" : "Fraud & deception")));
            }
        }
        return new RedTeamAnalysis(3, 100).analyse(facts);
    }

    private static JsonNode option(Charts charts, String id) throws Exception {
        for (JsonNode spec : Json.mapper().readTree(charts.json())) {
            if (spec.path("__id").asText().equals("chart-" + id)) {
                return spec;
            }
        }
        throw new AssertionError("no chart " + id);
    }

    @Test
    void fig1PlotsParsedSizesOnALogAxisAndNamesTheOthers() throws Exception {
        Charts charts = new Charts();
        Table1Section section = Table1Section.of(report(), charts);
        JsonNode fig1 = option(charts, "fig1");

        assertThat(fig1.path("xAxis").findValuesAsText("type")).containsExactly("log", "log");
        assertThat(section.rows()).extracting(Table1Section.Row::size).containsExactly("2.7B", "52B", "2.7B", "52B", "small");
        assertThat(section.unplotted()).contains("rlhf small (22 attempts)");
        List<Double> xs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode s : fig1.path("series")) {
            names.add(s.path("name").asText() + "/" + s.path("type").asText());
            s.path("data").forEach(d -> xs.add(d.path("value").get(0).asDouble()));
            // every point and bar opens its cell in the explorer, and says its n and interval in the tooltip
            s.path("data").forEach(d -> assertThat(d.path("filter").path("size").asText()).isIn("2.7B", "52B"));
            s.path("data").forEach(d -> assertThat(d.path("tip").get(1).asText()).startsWith("n = "));
        }
        assertThat(names).containsExactly("plain lm/line", "plain lm/custom", "plain lm/line", "plain lm/custom", "rlhf/line",
                "rlhf/custom", "rlhf/line", "rlhf/custom");
        // near the parameter counts (types are set a little apart), never the unparsed one
        assertThat(xs).allSatisfy(x -> assertThat(Math.min(Math.abs(Math.log10(x / 2.7e9)), Math.abs(Math.log10(x / 52e9))))
                .isLessThan(0.05));
        assertThat(fig1.path("series").get(1).path("renderItem").asText()).isEqualTo(ChartOptions.ERROR_BARS);
    }

    @Test
    void theDistributionPerTypeIsSharesThatSumToOne() throws Exception {
        Charts charts = new Charts();
        ByTypeSection section = ByTypeSection.of(report(), charts);
        for (JsonNode s : option(charts, "fig1b").path("series")) {
            double sum = 0;
            for (JsonNode d : s.path("data")) {
                sum += d.path("value").asDouble();
            }
            assertThat(sum).as(s.path("name").asText()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(section.table().headers()).contains("plain lm: attempts", "plain lm: share", "rlhf: share");
        assertThat(section.table().rows()).isNotEmpty();
    }

    @Test
    void zeroBarsShowAZeroAndTagRowsOpenTheirTag() throws Exception {
        Charts charts = new Charts();
        DistributionsSection.of(report(), charts);
        TagsSection tags = TagsSection.of(report(), charts);
        JsonNode bars = option(charts, "fig7b").path("series").get(0);
        assertThat(bars.path("barMinHeight").asInt()).isPositive();
        bars.path("data").forEach(d -> {
            if (d.path("value").asDouble() == 0) {
                assertThat(d.path("label").path("formatter").asText()).isEqualTo("0");
            }
        });
        assertThat(option(charts, "fig7a").path("series").get(0).path("data").get(4).path("filter").toString())
                .isEqualTo("{\"rating\":4}");
        assertThat(option(charts, "fig7a").path("xAxis").path("data").toString()).isEqualTo("[\"0\",\"1\",\"2\",\"3\",\"4\"]");
        assertThat(tags.rows()).extracting(TagsSection.Row::filter).contains("{\"tag\":\"Fraud & deception\"}");
        JsonNode fig9 = option(charts, "fig9");
        assertThat(fig9.path("tooltip").path("trigger").asText()).isEqualTo("item");
        JsonNode all = fig9.path("series").get(0).path("data").get(0);
        JsonNode hits = fig9.path("series").get(1).path("data").get(0);
        String first = Json.mapper().valueToTree(tags.rows().get(0).tag()).toString();
        assertThat(all.path("filter").toString()).isEqualTo("{\"tag\":" + first + "}");
        assertThat(hits.path("filter").toString()).isEqualTo("{\"tag\":" + first + ",\"successful\":true}");
        assertThat(all.path("tip").toString()).contains("attempts (").doesNotContain("successful");
        assertThat(hits.path("tip").toString()).contains("successful, rating ≥ 3").isNotEqualTo(all.path("tip").toString());
        assertThat(tags.rows()).extracting(TagsSection.Row::successShare).allMatch(s -> s.endsWith("%"));
    }

    @Test
    void chartJsonCanNeitherEndTheScriptNorOpenAComment() {
        Charts charts = new Charts();
        charts.add("x", "caption", Json.mapper().createObjectNode().put("text", "</script><!-- & -->"));
        assertThat(charts.json()).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .contains("\\u003c/script\\u003e\\u003c!-- \\u0026 --\\u003e");
    }

    @Test
    void aSmallButNonZeroShareIsNeverPrintedAsZero() {
        assertThat(Cells.share(1, 400)).isEqualTo("<1%"); // 0.25%
        assertThat(Cells.share(0, 400)).isEqualTo("0%");
        assertThat(Cells.share(2, 400)).isEqualTo("1%"); // 0.5% rounds up
        assertThat(Cells.share(0.0049)).isEqualTo("<1%");
        assertThat(Cells.share(0, 0)).isEqualTo("—");
    }

    /** Negative scores (the generated example data's are): mean − SD and mean + SD both below zero, as drawn. */
    @Test
    void fig11BandSpansMeanPlusMinusOneSdAlsoBelowZero() throws Exception {
        List<AttemptFacts> facts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            facts.add(new AttemptFacts("rlhf", "52B", i % 5, -3 + 0.5 * (i % 5) + 0.2 * (i % 3), -1.0, i % 4, List.of("Theft")));
        }
        RedTeamAnalysis.Report a = new RedTeamAnalysis(3, 100).analyse(facts);
        Charts charts = new Charts();
        RatingSection.of(a, charts);
        JsonNode band = option(charts, "fig11").path("series").get(0);

        assertThat(band.path("type").asText()).isEqualTo("custom");
        assertThat(band.path("renderItem").asText()).isEqualTo(ChartOptions.BAND);
        List<RedTeamAnalysis.RatingRow> rows = a.ratingVsHarmlessness();
        assertThat(band.path("data")).hasSize(rows.size() - 1);
        for (int i = 0; i + 1 < rows.size(); i++) {
            JsonNode v = band.path("data").get(i).path("value");
            double m = rows.get(i).meanMinHarmlessness();
            double sd = rows.get(i).sd();
            assertThat(m + sd).as("the case stacking got wrong").isNegative();
            assertThat(v.get(0).asDouble()).isEqualTo(i);
            assertThat(v.get(1).asDouble()).isCloseTo(m - sd, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(v.get(2).asDouble()).isCloseTo(m + sd, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(v.get(4).asDouble()).isCloseTo(rows.get(i + 1).meanMinHarmlessness() - rows.get(i + 1).sd(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** Fig. 5 as the issue defines it: the cumulative share against k/n from (0, 0), 15% marked; every item's tooltip formatted. */
    @Test
    void fig5PlotsTheCumulativeShareAgainstTheShareOfMembers() throws Exception {
        RedTeamAnalysis.Report a = report();
        Charts charts = new Charts();
        MembersSection.of(a, charts);
        JsonNode fig5 = option(charts, "fig5");

        assertThat(fig5.path("tooltip").path("formatter").asText()).isEqualTo(ChartOptions.TIPS);
        JsonNode curve = fig5.path("series").get(1);
        assertThat(curve.path("xAxisIndex").asInt()).isEqualTo(1);
        assertThat(fig5.path("xAxis").get(1).path("type").asText()).isEqualTo("value");
        assertThat(fig5.path("yAxis").get(1).path("axisLabel").path("formatter").asText()).isEqualTo(ChartOptions.PERCENT);
        int n = a.members().attemptsPerMember().size();
        assertThat(curve.path("data")).hasSize(n + 1);
        assertThat(curve.path("data").get(0).path("value").toString()).isEqualTo("[0.0,0.0]");
        assertThat(curve.path("data").get(n).path("value").toString()).isEqualTo("[1.0,1.0]");
        assertThat(curve.path("data").get(1).path("value").get(0).asDouble()).isCloseTo(1.0 / n, org.assertj.core.data.Offset.offset(1e-4));
        JsonNode at15 = fig5.path("series").get(2).path("data").get(0).path("value");
        assertThat(at15.get(0).asDouble()).isEqualTo(0.15);
        assertThat(at15.get(1).asDouble()).isCloseTo(a.members().shareFromTop15Percent(), org.assertj.core.data.Offset.offset(1e-4));
        for (JsonNode s : fig5.path("series")) {
            s.path("data").forEach(d -> assertThat(d.path("tip")).as(s.path("name").asText()).isNotEmpty()
                    .allSatisfy(line -> assertThat(line.asText()).doesNotMatch(".*\\d\\.\\d{3,}.*")));
        }
    }

    /**
     * Fig. 2: attempts with one description sit on one spot; each is drawn apart (filled and hollow both
     * show) and says how many there succeeded; the legend wraps; labels read away from the right edge.
     */
    @Test
    void fig2SpreadsAttemptsWithTheSameDescriptionSoNoneHidesAnother() throws Exception {
        List<AttackMap.Point> points = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // one description six times, 2 successful, all on one spot
            points.add(new AttackMap.Point(1f, 1f, 0, i < 2, "asks how to pick a lock", i < 2 ? 3 : 1));
        }
        for (int i = 0; i < 6; i++) {
            points.add(new AttackMap.Point(10f + i, 5f, i % 2 == 0 ? 0 : 1, false, "asks about a lock " + i, 0));
        }
        List<AttackMap.Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < 6; c++) { // six clusters: more than a scroll legend showed
            clusters.add(new AttackMap.Cluster(c, List.of("lock", "word" + c), c < 2 ? 6 : 0, 0, c < 3 ? 1f : 15f, 3f));
        }
        AttackMap map = new AttackMap("test", points, clusters);
        ReportData data = new ReportData("test", false, report(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), map, null);
        Charts charts = new Charts();
        AttackMapSection section = AttackMapSection.of(data, charts);
        JsonNode fig2 = option(charts, "fig2");

        List<String> spots = new ArrayList<>();
        List<String> tips = new ArrayList<>();
        fig2.path("series").get(0).path("data").forEach(d -> {
            spots.add(d.path("value").toString());
            tips.add(d.path("tip").toString());
        });
        assertThat(spots).hasSize(9).doesNotHaveDuplicates();
        assertThat(tips.stream().filter(t -> t.contains("2 of 6 attempts with this description successful"))).hasSize(6);
        assertThat(section.chart().caption()).contains("spread in a small spiral");
        assertThat(fig2.path("legend").path("type").asText()).isEqualTo("plain");
        JsonNode labels = fig2.path("series").get(fig2.path("series").size() - 1).path("data");
        assertThat(labels.get(0).path("label").path("position").asText()).isEqualTo("right");
        assertThat(labels.get(5).path("label").path("position").asText()).isEqualTo("left");
    }
}
