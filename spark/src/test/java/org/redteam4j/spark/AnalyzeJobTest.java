package org.redteam4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.analysis.AnalysisTables;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.testing.SharedData;
import picocli.CommandLine;

class AnalyzeJobTest {

    @TempDir
    Path dir;

    @Test
    void theSampleGivesExactlyTheSingleMachineTables() throws IOException {
        assertSameTables(SharedData.redTeamSample(), 2022, 1000, "members");
        ObjectNode attempts = assertSameTables(SharedData.redTeamSample(), 2022, 1000, "attempts");
        assertThat(attempts.get("bootstrap").asText()).isEqualTo("attempts");
        assertThat(attempts.get("simulated").asBoolean()).isFalse();
    }

    @Test
    void tenThousandAttemptsGiveExactlyTheSingleMachineTables() throws IOException {
        ObjectNode tables = assertSameTables(SyntheticFiles.attempts(), 7, 300, "members");
        assertThat(tables.get("attempts").asInt()).isEqualTo(SyntheticFiles.COUNT);
        assertThat(tables.get("bootstrap").asText()).isEqualTo("members");
        assertThat(tables.get("simulated").asBoolean()).isTrue(); // generated records say "simulated": true
        assertThat(tables.get("members").get("tau2PValue").isNumber()).isTrue(); // the permutation test ran on the driver
        assertThat(tables.get("table1")).hasSize(12);
        assertThat(tables.get("spearman").isNumber()).isTrue();
    }

    @Test
    void theIntervalsDoNotDependOnHowTheDataIsSplit() throws IOException {
        Path file = SyntheticFiles.attempts();
        List<AttemptFacts> facts = facts(file);
        var spark = LocalSpark.session();
        var rdd = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).parallelize(facts, 1);
        RedTeamAnalysis.Report one = new DistributedAnalysis(11, 200).analyse(rdd);
        RedTeamAnalysis.Report seven = new DistributedAnalysis(11, 200).analyse(rdd.repartition(7));
        assertThat(Json.mapper().<JsonNode>valueToTree(seven)).isEqualTo(Json.mapper().<JsonNode>valueToTree(one));
        RedTeamAnalysis.Report otherSeed = new DistributedAnalysis(12, 200).analyse(rdd);
        assertThat(otherSeed.table1().get(0).meanRating().low()).isNotEqualTo(one.table1().get(0).meanRating().low());
        RedTeamAnalysis.Report attempts = new DistributedAnalysis(11, 200, RedTeamAnalysis.Resampling.ATTEMPTS).analyse(rdd.repartition(5));
        assertThat(Json.mapper().<JsonNode>valueToTree(attempts)).isEqualTo(Json.mapper().<JsonNode>valueToTree(
                new RedTeamAnalysis(11, 200, RedTeamAnalysis.Resampling.ATTEMPTS).analyse(facts)));
        assertThat(attempts.table1().get(0).meanRating().low()).isNotEqualTo(one.table1().get(0).meanRating().low());
    }

    @Test
    void badInputNamesTheRecordAndWritesNothing() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        String good = Files.readString(SharedData.redTeamSample()).strip();
        JsonNode first = Json.mapper().readTree(good).get(0);
        ((ObjectNode) first).put("rating", 7);
        Files.writeString(bad, Json.mapper().readTree(good).get(1).toString() + "\n" + first + "\n");
        Path out = dir.resolve("tables.json");
        AnalyzeJob job = job(bad, out, 2022, 1000, "members");
        assertThatThrownBy(() -> job.run(LocalSpark.session()))
                .hasStackTraceContaining("bad.jsonl: record 2 (line 2), field \"rating\": expected a number from 0 to 4, got 7.0");
        assertThat(out).doesNotExist();
    }

    /** The Spark tables and the single-machine ones, equal in every number; returns the Spark ones. */
    private ObjectNode assertSameTables(Path input, long seed, int resamples, String bootstrap) throws IOException {
        Path out = dir.resolve("tables.json");
        job(input, out, seed, resamples, bootstrap).run(LocalSpark.session());
        ObjectNode spark = (ObjectNode) Json.mapper().readTree(out.toFile());
        // through text, as the Spark side came, so that numbers compare by value and not by node type
        List<AttemptFacts> facts = facts(input);
        ObjectNode single = (ObjectNode) Json.mapper().readTree(AnalysisTables.pretty(AnalysisTables.of(new RedTeamAnalysis(seed,
                resamples, RedTeamAnalysis.Resampling.of(bootstrap)).analyse(facts), "single",
                facts.stream().anyMatch(AttemptFacts::simulated))));
        spark.remove(AnalysisTables.SOURCE);
        single.remove(AnalysisTables.SOURCE);
        assertThat(spark).isEqualTo(single);
        assertThat(AnalysisTables.report(spark, "tables.json").table1()).isNotEmpty();
        return spark;
    }

    private static AnalyzeJob job(Path input, Path out, long seed, int resamples, String bootstrap) {
        AnalyzeJob job = new AnalyzeJob();
        new CommandLine(job).parseArgs("--input", input.toUri().toString(), "--output", out.toUri().toString(),
                "--seed", String.valueOf(seed), "--resamples", String.valueOf(resamples), "--bootstrap", bootstrap);
        return job;
    }

    static List<AttemptFacts> facts(Path file) {
        List<AttemptFacts> facts = new ArrayList<>();
        try (RecordReader<RedTeamAttempt> reader = Datasets.redTeamAttempts(file)) {
            for (RedTeamAttempt attempt = reader.read(); attempt != null; attempt = reader.read()) {
                facts.add(AttemptFacts.of(attempt));
            }
        }
        return facts;
    }
}
