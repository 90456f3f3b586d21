package org.redteam4j.app.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.redteam4j.core.analysis.AnalysisTables;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.Interval;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.format.Json;

/** Writes the report's files: index.html, tables.json and one CSV per table. */
final class ReportFiles {

    private ReportFiles() {
    }

    static void write(ReportData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.html"), new HtmlReport().render(data), StandardCharsets.UTF_8);
        ObjectNode tables = AnalysisTables.of(data.analysis(), data.source(), data.simulated());
        tables.set("campaigns", Json.mapper().valueToTree(data.campaigns()));
        tables.set("agreement", Json.mapper().valueToTree(data.agreement()));
        if (!data.targetLabels().isEmpty()) { // "model type size": how tables name and order targets, so --tables shows the same
            tables.set("target_labels", Json.mapper().valueToTree(data.targetLabels()));
        }
        if (!data.falseRefusals().isEmpty()) {
            tables.set("false_refusals", Json.mapper().valueToTree(data.falseRefusals()));
        }
        if (!data.bestOfN().isEmpty()) {
            tables.set("best_of_n", Json.mapper().valueToTree(data.bestOfN()));
            csv(dir.resolve("best_of_n.csv"), List.of("campaign", "target", "n", "hits", "attacks", "rate", "low", "high"),
                    data.bestOfN().entrySet().stream().flatMap(campaign -> campaign.getValue().stream().flatMap(curve -> curve.points()
                            .stream().map(p -> List.<Object>of(campaign.getKey(), curve.target(), p.n(), p.hits(), p.attacks(),
                                    p.rate().estimate(), p.rate().low(), p.rate().high())))).toList());
        }
        if (data.map() != null) {
            tables.set("attack_map_clusters", Json.mapper().valueToTree(data.map().clusters()));
            csv(dir.resolve("attack_map.csv"), List.of("x", "y", "cluster", "successful"), data.map().points().stream()
                    .map(p -> List.<Object>of(p.x(), p.y(), p.cluster() + 1, p.successful())).toList());
            csv(dir.resolve("attack_map_clusters.csv"), List.of("cluster", "words", "attempts", "successful"), data.map().clusters()
                    .stream().map(c -> List.<Object>of(c.id() + 1, String.join(" ", c.words()), c.attempts(), c.successful())).toList());
        }
        Files.writeString(dir.resolve("tables.json"), AnalysisTables.pretty(tables));
        RedTeamAnalysis.Report a = data.analysis();
        csv(dir.resolve("table1.csv"), List.of("model_type", "size", "attempts", "mean_rating", "rating_low", "rating_high",
                "mean_min_harmlessness", "harmlessness_low", "harmlessness_high"), a.table1().stream().map(c -> List.<Object>of(
                c.modelType(), c.size(), c.attempts(), c.meanRating().estimate(), c.meanRating().low(), c.meanRating().high(),
                value(c.meanMinHarmlessness(), 0), value(c.meanMinHarmlessness(), 1), value(c.meanMinHarmlessness(), 2))).toList());
        csv(dir.resolve("scaling.csv"), List.of("model_type", "metric", "attempts", "slope", "low", "high"), a.scaling().stream()
                .map(t -> List.<Object>of(t.modelType(), t.metric(), t.attempts(), t.slope().estimate(), t.slope().low(),
                        t.slope().high())).toList());
        csv(dir.resolve("members.csv"), List.of("member", "attempts", "raw_mean_rating", "shrunk_mean", "low", "high"),
                a.members().effectiveness().stream().map(e -> List.<Object>of(e.memberId(), e.attempts(), e.rawMean(),
                        e.shrunkMean().estimate(), e.shrunkMean().low(), e.shrunkMean().high())).toList());
        csv(dir.resolve("tags.csv"), List.of("tag", "attempts", "successful"), a.tags().stream()
                .map(t -> List.<Object>of(t.tag(), t.attempts(), t.successful())).toList());
        csv(dir.resolve("rating_vs_harmlessness.csv"), List.of("rating", "attempts", "mean_min_harmlessness", "sd"),
                a.ratingVsHarmlessness().stream().map(r -> List.<Object>of(r.rating(), r.attempts(),
                        r.meanMinHarmlessness() == null ? "" : r.meanMinHarmlessness(), r.sd() == null ? "" : r.sd())).toList());
        for (var campaign : data.campaigns().entrySet()) {
            csv(dir.resolve("campaign-" + campaign.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv"),
                    List.of("target", "strategy", "tag", "attacks", "errors", "not_run", "judge", "hits", "judged", "rate", "low", "high",
                            "corrected_rate", "corrected_low", "corrected_high", "corrected_notes"),
                    campaign.getValue().stream().flatMap(row -> row.judges().entrySet().stream().map(j -> List.<Object>of(
                            row.target(), row.strategy(), row.tag(), row.attacks(), row.errors(), row.notRun(), j.getKey(),
                            j.getValue().hits(), j.getValue().judged(), rate(j.getValue(), 0), rate(j.getValue(), 1),
                            rate(j.getValue(), 2), corrected(j.getValue(), 0), corrected(j.getValue(), 1), corrected(j.getValue(), 2),
                            j.getValue().corrected() == null ? "" : String.join(" | ", j.getValue().corrected().notes())))).toList());
        }
    }

    private static Object value(Interval interval, int which) {
        if (interval == null) {
            return "";
        }
        return which == 0 ? interval.estimate() : which == 1 ? interval.low() : interval.high();
    }

    private static Object rate(AttackSummary.Rate rate, int which) {
        if (rate.rate() == null) {
            return "";
        }
        return which == 0 ? rate.rate().estimate() : which == 1 ? rate.rate().low() : rate.rate().high();
    }

    /** Empty when no calibration is known or the correction was refused. */
    private static Object corrected(AttackSummary.Rate rate, int which) {
        if (rate.corrected() == null || rate.corrected().refused()) {
            return "";
        }
        return which == 0 ? rate.corrected().estimate() : which == 1 ? rate.corrected().low() : rate.corrected().high();
    }

    private static void csv(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        }
    }
}
