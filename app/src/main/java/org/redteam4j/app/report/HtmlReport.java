package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redteam4j.core.analysis.AttackMap;
import org.redteam4j.core.analysis.Histogram;
import org.redteam4j.core.analysis.Interval;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.campaign.AttackSummary;
import org.redteam4j.core.format.Json;

/**
 * One self-contained HTML file: ECharts (from its webjar) and the chart data are inlined, so it
 * works offline; every chart has a caption with the number of attempts behind it and a table
 * with the same numbers, so the report also reads when printed. All text is escaped.
 */
final class HtmlReport {

    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private final StringBuilder html = new StringBuilder();
    private final List<ObjectNode> charts = new ArrayList<>();

    String render(ReportData data) {
        RedTeamAnalysis.Report a = data.analysis();
        head();
        html.append("<h1>Red-team analysis</h1>\n<p class=\"meta\">").append(esc(data.source())).append(" · ")
                .append(a.attempts()).append(" attempts · bootstrap intervals from ").append(a.resamples())
                .append(" resamples of attempts, seed ").append(a.seed()).append("</p>\n");
        if (data.simulated()) {
            html.append("<p class=\"simulated\" role=\"note\"><strong>Simulated data.</strong> The simulated assistant (sim) "
                    + "produced some or all of these conversations: the numbers test the machinery and are not findings "
                    + "about a real model.</p>\n");
        }
        table1(a);
        scaling(a);
        distributionsByType(a);
        members(a);
        distributions(a);
        tags(a);
        ratingVsHarm(a);
        attackMap(data);
        agreement(data);
        campaigns(data);
        tail();
        return html.toString();
    }

    private void table1(RedTeamAnalysis.Report a) {
        section("table1", "Table 1 and Fig. 1 — attempts, mean rating and mean min-harmlessness by model type and size");
        List<String> labels = new ArrayList<>();
        ArrayNode ratings = Json.mapper().createArrayNode();
        ArrayNode harm = Json.mapper().createArrayNode();
        StringBuilder rows = new StringBuilder();
        for (RedTeamAnalysis.Cell cell : a.table1()) {
            labels.add(cell.modelType() + " " + cell.size());
            ratings.add(cell.meanRating().estimate());
            if (cell.meanMinHarmlessness() == null) {
                harm.addNull();
            } else {
                harm.add(cell.meanMinHarmlessness().estimate());
            }
            rows.append(row(cell.modelType(), cell.size(), String.valueOf(cell.attempts()), interval(cell.meanRating()),
                    cell.meanMinHarmlessness() == null ? "—" : interval(cell.meanMinHarmlessness())));
        }
        chart("fig1", "Mean self-rating (bars) and mean min-harmlessness (line) per model type and size; "
                + a.attempts() + " attempts. Intervals are in the table.", bars(labels, List.of(series("mean rating", "bar", ratings),
                series("mean min-harmlessness", "line", harm))));
        table(new String[] {"model type", "size", "attempts", "mean rating (95% CI)", "mean min-harmlessness (95% CI)"}, rows);
    }

    private void scaling(RedTeamAnalysis.Report a) {
        section("scaling", "Scaling — the trend of each model type with size");
        html.append("<p>The slope of each metric against log<sub>10</sub>(parameters), with a 95% bootstrap interval. "
                + "The paper found RLHF models harder to red-team as they grow while the others stayed flat.</p>\n");
        StringBuilder rows = new StringBuilder();
        for (RedTeamAnalysis.Trend trend : a.scaling()) {
            String verdict = trend.slope().excludesZero()
                    ? (trend.slope().estimate() > 0 ? "rises with size (interval excludes zero)" : "falls with size (interval excludes zero)")
                    : "no clear trend (interval includes zero)";
            rows.append(row(trend.modelType(), trend.metric().replace('_', ' '), String.join(", ", trend.sizes()),
                    String.valueOf(trend.attempts()), interval(trend.slope()), verdict));
        }
        if (a.scaling().isEmpty()) {
            html.append("<p>No model type has attempts at two or more sizes.</p>\n");
        } else {
            table(new String[] {"model type", "metric", "sizes", "attempts", "slope per decade (95% CI)", "reading"}, rows);
        }
    }

    private void distributionsByType(RedTeamAnalysis.Report a) {
        section("fig1b", "Fig. 1 (right) — distribution of min-harmlessness by model type");
        ArrayNode series = Json.mapper().createArrayNode();
        List<String> labels = List.of();
        for (var entry : a.minHarmlessnessByType().entrySet()) {
            labels = entry.getValue().labels();
            series.add(series(entry.getKey(), "line", longs(entry.getValue().counts())));
        }
        chart("fig1b", "Attempts per min-harmlessness bin, one line per model type; " + a.attempts() + " attempts.",
                bars(labels, toList(series)));
    }

    private void members(RedTeamAnalysis.Report a) {
        RedTeamAnalysis.Members m = a.members();
        section("fig5", "Fig. 5 — attempts per member and member effectiveness");
        html.append(String.format(Locale.ROOT, "<p>%d members. The most active 15%% of members made %.0f%% of the attempts "
                + "(the paper: about 80%% from about 15%%).</p>%n", m.members(), 100 * m.shareFromTop15Percent()));
        List<String> ranks = new ArrayList<>();
        ArrayNode counts = Json.mapper().createArrayNode();
        ArrayNode cumulative = Json.mapper().createArrayNode();
        long total = m.attemptsPerMember().stream().mapToLong(Long::longValue).sum();
        long running = 0;
        for (int i = 0; i < m.attemptsPerMember().size(); i++) {
            ranks.add(String.valueOf(i + 1));
            counts.add(m.attemptsPerMember().get(i));
            running += m.attemptsPerMember().get(i);
            cumulative.add(total == 0 ? 0 : (double) running / total);
        }
        ObjectNode option = bars(ranks, List.of(series("attempts", "bar", counts), series("cumulative share", "line", cumulative)));
        ((ObjectNode) option.get("series").get(1)).put("yAxisIndex", 1);
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("name", "attempts");
        axes.addObject().put("type", "value").put("name", "share").put("max", 1);
        chart("fig5", "Attempts per member, most active first, and their cumulative share; " + a.attempts() + " attempts.", option);
        StringBuilder rows = new StringBuilder();
        m.effectiveness().stream().limit(25).forEach(e -> rows.append(row(String.valueOf(e.memberId()), String.valueOf(e.attempts()),
                fmt(e.rawMean()), interval(e.shrunkMean()))));
        html.append("<p class=\"caption\">Member effectiveness: ").append(esc(m.method()))
                .append(". The 25 most active members.</p>\n");
        table(new String[] {"member", "attempts", "raw mean rating", "shrunk mean rating (95% CI)"}, rows);
    }

    private void distributions(RedTeamAnalysis.Report a) {
        section("fig7", "Fig. 7 — distributions of rating, min-harmlessness and intent");
        histogram("fig7a", "Self-ratings (0 = not successful … 4 = very successful)", a.ratings(), a.attempts());
        histogram("fig7b", "Min-harmlessness of each transcript (lower = more harmful)", a.minHarmlessness(), a.attempts());
        histogram("fig7c", "Intent: harmlessness of the task description", a.intent(), a.attempts());
    }

    private void tags(RedTeamAnalysis.Report a) {
        section("fig9", "Fig. 9 — attack types: all tagged attempts and successful ones (rating ≥ 3)");
        if (a.tags().isEmpty()) {
            html.append("<p>No attempt has tags.</p>\n");
            return;
        }
        List<String> labels = a.tags().stream().map(RedTeamAnalysis.TagCount::tag).toList();
        ObjectNode option = bars(labels, List.of(series("attempts", "bar", longs(a.tags().stream().map(RedTeamAnalysis.TagCount::attempts).toList())),
                series("successful", "bar", longs(a.tags().stream().map(RedTeamAnalysis.TagCount::successful).toList()))));
        option.set("yAxis", option.get("xAxis"));
        option.putObject("xAxis").put("type", "value");
        option.putObject("grid").put("left", 260);
        chart("fig9", "Tagged attempts per tag; " + a.tags().stream().mapToLong(RedTeamAnalysis.TagCount::attempts).sum()
                + " tag uses.", option);
        StringBuilder rows = new StringBuilder();
        a.tags().forEach(t -> rows.append(row(t.tag(), String.valueOf(t.attempts()), String.valueOf(t.successful()))));
        table(new String[] {"tag", "attempts", "successful"}, rows);
    }

    private void ratingVsHarm(RedTeamAnalysis.Report a) {
        section("fig11", "Fig. 11 — rating against mean min-harmlessness (± 1 SD)");
        List<String> labels = new ArrayList<>();
        ArrayNode mean = Json.mapper().createArrayNode();
        ArrayNode low = Json.mapper().createArrayNode();
        ArrayNode high = Json.mapper().createArrayNode();
        StringBuilder rows = new StringBuilder();
        for (RedTeamAnalysis.RatingRow r : a.ratingVsHarmlessness()) {
            labels.add(fmt(r.rating()));
            mean.add(r.meanMinHarmlessness() == null ? Double.NaN : r.meanMinHarmlessness());
            double sd = r.sd() == null ? 0 : r.sd();
            low.add(r.meanMinHarmlessness() == null ? Double.NaN : r.meanMinHarmlessness() - sd);
            high.add(r.meanMinHarmlessness() == null ? Double.NaN : r.meanMinHarmlessness() + sd);
            rows.append(row(fmt(r.rating()), String.valueOf(r.attempts()),
                    r.meanMinHarmlessness() == null ? "—" : fmt(r.meanMinHarmlessness()), r.sd() == null ? "—" : fmt(r.sd())));
        }
        chart("fig11", "Mean min-harmlessness per self-rating with ±1 SD; " + a.attempts() + " attempts; Spearman's rho = "
                + (a.spearman() == null ? "n/a" : fmt(a.spearman())) + ".", bars(labels, List.of(series("mean", "line", mean),
                series("mean − 1 SD", "line", low), series("mean + 1 SD", "line", high))));
        table(new String[] {"rating", "attempts", "mean min-harmlessness", "SD"}, rows);
    }

    private void attackMap(ReportData data) {
        section("fig2", "Fig. 2 — the attack map: attempts by what they tried, coloured by success");
        AttackMap map = data.map();
        if (map == null) {
            html.append("<p>No attack map: ").append(esc(data.mapAbsence())).append(".</p>\n");
            return;
        }
        ArrayNode hits = Json.mapper().createArrayNode();
        ArrayNode misses = Json.mapper().createArrayNode();
        for (AttackMap.Point p : map.points()) {
            (p.successful() ? hits : misses).addArray().add(p.x()).add(p.y());
        }
        ArrayNode labels = Json.mapper().createArrayNode();
        StringBuilder rows = new StringBuilder();
        for (AttackMap.Cluster c : map.clusters()) {
            labels.addObject().put("name", (c.id() + 1) + ": " + c.label()).putArray("value").add(c.x()).add(c.y());
            rows.append(row(String.valueOf(c.id() + 1), c.label(), String.valueOf(c.attempts()), String.valueOf(c.successful()),
                    fmt(c.successful() / (double) c.attempts())));
        }
        ObjectNode option = Json.mapper().createObjectNode();
        option.put("animation", false);
        option.putObject("legend").put("top", 0);
        // the projection's axes mean nothing, so none are drawn
        option.putObject("xAxis").put("type", "value").put("scale", true).put("show", false);
        option.putObject("yAxis").put("type", "value").put("scale", true).put("show", false);
        ArrayNode series = option.putArray("series");
        series.add(scatter("not successful (rating < 3)", misses, "#9fb3c8"));
        series.add(scatter("successful (rating ≥ 3)", hits, "#d64545"));
        ObjectNode names = scatter("cluster labels", labels, "#1f2933").put("symbolSize", 6).put("silent", true);
        names.putObject("label").put("show", true).put("formatter", "{b}").put("position", "top").put("fontSize", 11)
                .put("backgroundColor", "rgba(255,255,255,0.8)");
        series.add(names);
        chart("fig2", "Each point is one of " + map.points().size() + " attempts, placed by its description ("
                + map.method() + "); nearby points tried similar things. Axes have no units.", option);
        table(new String[] {"cluster", "distinctive words", "attempts", "successful", "share successful"}, rows);
    }

    private static ObjectNode scatter(String name, ArrayNode values, String colour) {
        ObjectNode s = series(name, "scatter", values).put("symbolSize", values.size() > 2000 ? 3 : 5)
                .put("large", values.size() > 2000);
        s.putObject("itemStyle").put("color", colour);
        return s;
    }

    private void agreement(ReportData data) {
        if (data.agreement().isEmpty()) {
            return;
        }
        section("agreement", "Reviewer agreement (Fleiss' kappa)");
        html.append("<p>Over attempts with the campaign's full number of reviews. The paper: 0.32 on the 5-point scale, "
                + "0.49 binarised at ≥ 3.</p>\n");
        StringBuilder rows = new StringBuilder();
        data.agreement().forEach((campaign, k) -> rows.append(row(campaign, String.valueOf(k.items()), String.valueOf(k.raters()),
                k.ratings() == null ? "—" : fmt(k.ratings()), k.success() == null ? "—" : fmt(k.success()),
                k.tags() == null ? "—" : fmt(k.tags()))));
        table(new String[] {"campaign", "attempts", "reviewers each", "κ ratings 0–4", "κ success ≥ 3", "κ tags (mean)"}, rows);
    }

    private void campaigns(ReportData data) {
        if (data.campaigns().isEmpty()) {
            return;
        }
        section("campaigns", "Automated campaigns — success rate per target, strategy and tag");
        int[] index = {0};
        data.campaigns().forEach((name, rows) -> {
            html.append("<h3>").append(esc(name)).append("</h3>\n");
            campaignChart("campaign" + index[0]++, rows, data.targetLabels());
            StringBuilder body = new StringBuilder();
            for (AttackSummary.Row r : rows) {
                StringBuilder rates = new StringBuilder();
                r.judges().forEach((judge, rate) -> rates.append(rates.isEmpty() ? "" : "; ")
                        .append(judge.contains("[") ? judge.substring(0, judge.indexOf('[')) : judge).append(' ')
                        .append(rate.hits()).append('/').append(rate.judged())
                        .append(rate.rate() == null ? "" : String.format(Locale.ROOT, " = %.0f%% (%.0f–%.0f%%)",
                                100 * rate.rate().estimate(), 100 * rate.rate().low(), 100 * rate.rate().high())));
                body.append(row(r.target() + (r.simulated() ? " (simulated)" : ""), r.strategy(), r.tag(),
                        String.valueOf(r.attacks()), String.valueOf(r.errors()), rates.toString()));
            }
            table(new String[] {"target", "strategy", "tag", "attacks", "errors", "success by judge (95% CI)"}, body);
        });
    }

    /** Success rate per target by each judge, targets labelled with model type and size. */
    private void campaignChart(String id, List<AttackSummary.Row> rows, java.util.Map<String, String> labels) {
        List<AttackSummary.Row> perTarget = AttackSummary.perTarget(rows);
        List<String> targets = perTarget.stream().map(r -> labels.getOrDefault(r.target(), "") + " (" + r.target() + ")").toList();
        java.util.Map<String, ArrayNode> byJudge = new java.util.LinkedHashMap<>();
        long attacks = 0;
        for (AttackSummary.Row row : perTarget) {
            attacks += row.attacks();
            for (var judge : row.judges().entrySet()) {
                String name = judge.getKey().contains("[") ? judge.getKey().substring(0, judge.getKey().indexOf('[')) : judge.getKey();
                byJudge.computeIfAbsent(name, j -> Json.mapper().createArrayNode());
            }
        }
        for (AttackSummary.Row row : perTarget) {
            byJudge.forEach((name, values) -> {
                AttackSummary.Rate rate = row.judges().entrySet().stream()
                        .filter(e -> e.getKey().startsWith(name)).map(java.util.Map.Entry::getValue).findFirst().orElse(null);
                if (rate == null || rate.rate() == null) {
                    values.addNull();
                } else {
                    values.add(rate.rate().estimate());
                }
            });
        }
        List<ObjectNode> series = new ArrayList<>();
        byJudge.forEach((name, values) -> series.add(series(name, "bar", values)));
        ObjectNode option = bars(targets, series);
        ((ObjectNode) option.get("yAxis")).put("max", 1).put("name", "success rate");
        ((ObjectNode) option.get("xAxis")).putObject("axisLabel").put("rotate", 30).put("fontSize", 10);
        option.putObject("grid").put("bottom", 110);
        chart(id, "Attack success rate per target (model type, size) by each judge; " + attacks
                + " attacks. Errors are not counted as successes or passes.", option);
    }

    // ---- building blocks

    private void histogram(String id, String title, Histogram histogram, int attempts) {
        chart(id, title + "; " + attempts + " attempts.", bars(histogram.labels(), List.of(series("attempts", "bar",
                longs(histogram.counts())))));
    }

    private ObjectNode bars(List<String> labels, List<ObjectNode> series) {
        ObjectNode option = Json.mapper().createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        ArrayNode data = x.putArray("data");
        labels.forEach(data::add);
        option.putObject("yAxis").put("type", "value");
        ArrayNode list = option.putArray("series");
        series.forEach(list::add);
        return option;
    }

    private static ObjectNode series(String name, String type, ArrayNode values) {
        ObjectNode s = Json.mapper().createObjectNode().put("name", name).put("type", type);
        s.set("data", values);
        return s;
    }

    private static ArrayNode longs(List<Long> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<ObjectNode> toList(ArrayNode array) {
        List<ObjectNode> list = new ArrayList<>();
        array.forEach(node -> list.add((ObjectNode) node));
        return list;
    }

    private void chart(String id, String caption, ObjectNode option) {
        html.append("<figure><div class=\"chart\" id=\"chart-").append(id).append("\" role=\"img\" aria-label=\"").append(esc(caption))
                .append("\"></div><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
        option.put("__id", "chart-" + id);
        charts.add(option);
    }

    private void section(String id, String title) {
        html.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n");
    }

    private void table(String[] headers, StringBuilder rows) {
        html.append("<table><thead><tr>");
        for (String h : headers) {
            html.append("<th scope=\"col\">").append(esc(h)).append("</th>");
        }
        html.append("</tr></thead><tbody>\n").append(rows).append("</tbody></table>\n");
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("<tr>");
        for (String cell : cells) {
            row.append("<td>").append(esc(cell)).append("</td>");
        }
        return row.append("</tr>\n").toString();
    }

    private static String interval(Interval i) {
        return Double.isNaN(i.estimate()) ? "—" : String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", i.estimate(), i.low(), i.high());
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private void head() {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Red-team analysis · redteam4j</title>"
                + "<style>").append(resource("/report/report.css")).append("</style></head><body><main>\n");
    }

    private void tail() {
        ArrayNode specs = Json.mapper().createArrayNode();
        charts.forEach(specs::add);
        // inside <script>, "</" must not appear: JSON allows \u003c for "<"
        html.append("</main>\n<script type=\"application/json\" id=\"charts\">").append(specs.toString().replace("<", "\\u003c"))
                .append("</script>\n<script>").append(resource(ECHARTS)).append("</script>\n<script>")
                .append(resource("/report/report.js")).append("</script>\n</body></html>\n");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
