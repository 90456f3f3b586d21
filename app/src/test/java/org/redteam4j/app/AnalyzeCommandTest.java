package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.Records;
import org.redteam4j.core.format.SyntheticAttemptsFile;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.core.testing.TestFiles;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    @Test
    void analysesTheRealSampleFile() throws Exception {
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("analyze", "--input", SharedData.redTeamSample().toString(), "--out", out.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode headline = Json.mapper().readTree(run.out());
        assertThat(headline.get("attempts").asInt()).isEqualTo(10);
        assertThat(headline.get("mean_rating").asDouble()).isEqualTo(2.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(headline.get("success_rate").asDouble()).isEqualTo(0.5);
        JsonNode tables = Json.mapper().readTree(out.resolve("tables.json").toFile());
        assertThat(tables.get("table1").get(0).get("modelType").asText()).isEqualTo("context distillation");
        assertThat(tables.get("table1").get(0).get("attempts").asInt()).isEqualTo(10);
        for (String csv : new String[] {"table1.csv", "scaling.csv", "members.csv", "tags.csv", "rating_vs_harmlessness.csv"}) {
            assertThat(out.resolve(csv)).exists();
        }
        assertThat(Files.readAllLines(out.resolve("table1.csv")).get(0)).startsWith("model_type,size,attempts,mean_rating");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<h2 id=\"fig11\">").doesNotContain("Simulated data.");
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http"); // works offline
    }

    @Test
    void escapesHostileTextAndMarksSimulatedData() throws Exception {
        Path file = TestFiles.write(dir.resolve("evil.json"), Records.array(
                Records.json(node -> node.putArray("tags").add("<script>alert(1)</script>")),
                Records.json(node -> node.put("rating", 4))));
        CliRun fromFile = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("r1").toString());
        String db = dir.resolve("sim.db").toString();
        Path campaign = Files.writeString(dir.resolve("c.yaml"), """
                name: tiny
                targets: [{name: s, model: sim}]
                seeds: {builtin: true, limit: 3}
                strategies: [direct]
                judges: [refusal]
                """);
        CliRun.of("attack", "--campaign", campaign.toString(), "--db", db, "-q");
        CliRun fromDb = CliRun.of("analyze", "--db", db, "--out", dir.resolve("r2").toString(), "--resamples", "100");

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        String html = Files.readString(dir.resolve("r1/index.html"));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(fromDb.exitCode()).as(fromDb.err()).isZero();
        String simulated = Files.readString(dir.resolve("r2/index.html"));
        assertThat(simulated).contains("Simulated data.").contains("Automated campaigns").contains("tiny");
        assertThat(CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("r3").toString(), "--resamples", "5")
                .exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void rendersAReportFromTablesJsonAlone() throws Exception {
        String db = dir.resolve("sim.db").toString();
        Path campaign = Files.writeString(dir.resolve("c.yaml"), """
                name: from-tables
                targets: [{name: s, model: sim}]
                seeds: {builtin: true, limit: 3}
                strategies: [direct]
                judges: [refusal]
                """);
        CliRun.of("import", "--db", db, SharedData.redTeamSample().toString());
        CliRun.of("attack", "--campaign", campaign.toString(), "--db", db, "-q");
        CliRun first = CliRun.of("analyze", "--db", db, "--out", dir.resolve("first").toString(), "--json", "--no-map");
        Path tables = dir.resolve("first/tables.json");

        CliRun again = CliRun.of("analyze", "--tables", tables.toString(), "--out", dir.resolve("again").toString(), "--json");

        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode headline = ((ObjectNode) Json.mapper().readTree(again.out())).without("report");
        JsonNode firstHeadline = ((ObjectNode) Json.mapper().readTree(first.out())).without("report");
        assertThat(headline).isEqualTo(firstHeadline);
        JsonNode rewritten = Json.mapper().readTree(dir.resolve("again/tables.json").toFile());
        assertThat(rewritten).isEqualTo(Json.mapper().readTree(tables.toFile()));
        assertThat(Files.readString(dir.resolve("again/table1.csv"))).isEqualTo(Files.readString(dir.resolve("first/table1.csv")));
        String html = Files.readString(dir.resolve("again/index.html"));
        assertThat(html).contains("Simulated data.").contains("from-tables").contains("not in tables.json");

        Path notTables = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
        CliRun refused = CliRun.of("analyze", "--tables", notTables.toString(), "--out", dir.resolve("x").toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("x.json: not a tables.json");
    }

    @Test
    void showsWhichStrategyWorksOnWhichTargetAndTheBestOfNCurveAndKeepsThemInTablesJson() throws Exception {
        String db = dir.resolve("strategies.db").toString();
        Path campaign = Files.writeString(dir.resolve("strategies.yaml"), """
                name: strategies
                targets: [{name: plain, model: sim}, {name: guarded, model: sim, rlhf: true}]
                seeds: {builtin: true, limit: 6}
                strategies: [direct, {best_of_n: {n: 6}}]
                judges: [keyword]
                """);
        CliRun attack = CliRun.of("attack", "--campaign", campaign.toString(), "--db", db, "-q");
        assertThat(attack.exitCode()).as(attack.err()).isIn(0, 1);

        CliRun report = CliRun.of("analyze", "--db", db, "--out", dir.resolve("s1").toString(), "--no-map", "--resamples", "100");

        assertThat(report.exitCode()).as(report.err()).isZero();
        String html = Files.readString(dir.resolve("s1/index.html"));
        assertThat(html).contains("Which strategy works on which target").contains("best-of-n:6")
                .contains("Best-of-N: success against the number of samples").contains("hit by N = 4 (95% CI)");
        List<String> curve = Files.readAllLines(dir.resolve("s1/best_of_n.csv"));
        assertThat(curve.get(0)).isEqualTo("campaign,target,n,hits,attacks,rate,low,high");
        assertThat(curve).hasSize(1 + 2 * 6); // N = 1..6 for each of the two targets
        // a curve never falls: a hit by the n-th sample is a hit by every later one (every attack here has the same budget)
        for (String target : List.of("plain", "guarded")) {
            List<Integer> hits = curve.stream().skip(1).map(line -> line.split(",")).filter(cells -> cells[1].equals(target))
                    .map(cells -> Integer.parseInt(cells[3])).toList();
            assertThat(hits).hasSize(6).isSorted();
        }
        JsonNode tables = Json.mapper().readTree(dir.resolve("s1/tables.json").toFile());
        assertThat(tables.at("/best_of_n/strategies")).hasSize(2);

        CliRun again = CliRun.of("analyze", "--tables", dir.resolve("s1/tables.json").toString(), "--out",
                dir.resolve("s2").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        String fromTables = Files.readString(dir.resolve("s2/index.html"));
        assertThat(fromTables).contains("Which strategy works on which target").contains("hit by N = 4 (95% CI)");
        assertThat(Files.readAllLines(dir.resolve("s2/best_of_n.csv"))).isEqualTo(curve);
    }

    @Test
    void resamplesMembersByDefaultAttemptsOnRequestAndMarksGeneratedData() throws Exception {
        Path file = dir.resolve("generated.json");
        SyntheticAttemptsFile.main(new String[] {"400", file.toString(), "5"});

        CliRun members = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("m").toString(), "--resamples", "200",
                "--no-map", "--json");
        CliRun attempts = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("a").toString(), "--resamples", "200",
                "--no-map", "--json", "--bootstrap", "attempts");

        assertThat(members.exitCode()).as(members.err()).isZero();
        assertThat(attempts.exitCode()).as(attempts.err()).isZero();
        JsonNode m = Json.mapper().readTree(members.out());
        JsonNode a = Json.mapper().readTree(attempts.out());
        assertThat(m.get("bootstrap").asText()).isEqualTo("members");
        assertThat(a.get("bootstrap").asText()).isEqualTo("attempts");
        assertThat(m.get("simulated").asBoolean()).isTrue(); // every generated record says "simulated": true
        assertThat(m.get("mean_rating").asDouble()).isEqualTo(a.get("mean_rating").asDouble());
        assertThat(m.get("mean_rating_low").asDouble()).isNotEqualTo(a.get("mean_rating_low").asDouble());
        assertThat(m.get("member_tau2_p_value").asDouble()).isBetween(0.0, 1.0);
        JsonNode tables = Json.mapper().readTree(dir.resolve("m/tables.json").toFile());
        assertThat(tables.get("bootstrap").asText()).isEqualTo("members");
        assertThat(tables.get("table1").get(0).get("meanRating").get("low").asDouble())
                .isNotEqualTo(Json.mapper().readTree(dir.resolve("a/tables.json").toFile()).get("table1").get(0).get("meanRating")
                        .get("low").asDouble());
        String html = Files.readString(dir.resolve("m/index.html"));
        assertThat(html).contains("Simulated data.").contains("resamples of members (clusters")
                .contains("permutation test").contains("conditional on the estimated variances")
                .contains("data-filter=\"{&quot;member&quot;:0}\"");
        assertThat(Files.readString(dir.resolve("a/index.html"))).contains("200 resamples of attempts, seed");

        // a tables.json from before the choice existed resampled attempts, and says so
        ObjectNode old = (ObjectNode) Json.mapper().readTree(dir.resolve("a/tables.json").toFile());
        old.remove("bootstrap");
        Path oldFile = Files.writeString(dir.resolve("old.json"), old.toString());
        CliRun rendered = CliRun.of("analyze", "--tables", oldFile.toString(), "--out", dir.resolve("old").toString());
        assertThat(rendered.exitCode()).as(rendered.err()).isZero();
        assertThat(Json.mapper().readTree(dir.resolve("old/tables.json").toFile()).get("bootstrap").asText()).isEqualTo("attempts");
        assertThat(Files.readString(dir.resolve("old/index.html"))).contains("resamples of attempts, seed");

        // imported into a database (no sim target in it), the records still say they were generated
        String db = dir.resolve("generated.db").toString();
        assertThat(CliRun.of("import", "--db", db, file.toString()).exitCode()).isZero();
        CliRun fromDb = CliRun.of("analyze", "--db", db, "--out", dir.resolve("db").toString(), "--resamples", "100", "--no-map");
        assertThat(fromDb.exitCode()).as(fromDb.err()).isZero();
        assertThat(Files.readString(dir.resolve("db/index.html"))).contains("Simulated data.");
        String real = dir.resolve("real.db").toString();
        CliRun.of("import", "--db", real, SharedData.redTeamSample().toString());
        CliRun.of("analyze", "--db", real, "--out", dir.resolve("real").toString(), "--resamples", "100", "--no-map");
        assertThat(Files.readString(dir.resolve("real/index.html"))).doesNotContain("Simulated data.");

        CliRun bad = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("b").toString(), "--bootstrap", "rows");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--bootstrap must be members or attempts, got 'rows'");
    }

    @Test
    void drawsTheAttackMapUnlessToldNotTo() throws Exception {
        Path file = dir.resolve("attempts.json");
        SyntheticAttemptsFile.main(new String[] {"60", file.toString(), "5", "unique"});

        CliRun withMap = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("map").toString(), "--resamples", "100");
        CliRun withoutMap = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("nomap").toString(),
                "--resamples", "100", "--no-map");

        assertThat(withMap.exitCode()).as(withMap.err()).isZero();
        assertThat(withMap.err()).contains("Attack map: embedding 60 attempt descriptions");
        JsonNode clusters = Json.mapper().readTree(dir.resolve("map/tables.json").toFile()).get("attack_map_clusters");
        assertThat(clusters).hasSize(2); // k = round(sqrt(60) / 4) = 2
        assertThat(clusters.get(0).get("attempts").asInt() + clusters.get(1).get("attempts").asInt()).isEqualTo(60);
        assertThat(clusters.get(0).get("words")).isNotEmpty();
        assertThat(Files.readAllLines(dir.resolve("map/attack_map.csv"))).hasSize(61).first().isEqualTo("x,y,cluster,successful");
        assertThat(Files.readString(dir.resolve("map/index.html"))).contains("<h2 id=\"fig2\">").contains("k-means++ (k = 2)");

        assertThat(withoutMap.exitCode()).as(withoutMap.err()).isZero();
        assertThat(dir.resolve("nomap/attack_map.csv")).doesNotExist();
        assertThat(Files.readString(dir.resolve("nomap/index.html"))).contains("No attack map: left out (--no-map).");
    }
}
