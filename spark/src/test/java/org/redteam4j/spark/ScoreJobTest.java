package org.redteam4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.format.DatasetFormat;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.format.RedTeamAttemptJson;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.store.Database;
import org.redteam4j.store.imports.ImportProgress;
import org.redteam4j.store.imports.Importer;
import org.redteam4j.store.scoring.AttemptScoring;
import picocli.CommandLine;

class ScoreJobTest {

    @TempDir
    Path dir;

    /** What the single-machine {@code score --rescore} stored for one attempt. */
    record Stored(Double minimum, Double intent, Map<Integer, Double> turns) {
    }

    @Test
    void theSampleScoresLikeTheScoreCommand() throws IOException {
        Map<Long, Row> spark = scoreWithSpark(SharedData.redTeamSample(), "--partitions", "3");
        List<Stored> single = scoreOnOneMachine(SharedData.redTeamSample(), EmbeddedPreferenceModel.loadDefault());
        assertSameScores(spark, single);
        List<RedTeamAttempt> original = read(SharedData.redTeamSample());
        Row first = spark.get(1L);
        assertThat(first.<Double>getAs(RedTeamAttemptJson.MIN_HARMLESSNESS_SCORE))
                .as("our model's minimum replaces Anthropic's").isNotEqualTo(original.get(0).minHarmlessnessScore());
        assertThat(first.<String>getAs(ScoreJob.SCORED_BY)).isEqualTo("pm:default");
        assertThat(AttemptRows.toAttempt(first).transcript()).isEqualTo(original.get(0).transcript());
        assertThat(AttemptRows.toAttempt(first).extraFields()).isEqualTo(original.get(0).extraFields());
    }

    @Test
    void tenThousandAttemptsScoreLikeTheScoreCommand() throws IOException {
        Path file = SyntheticFiles.attempts();
        Path head = LexicalHead.file();
        Map<Long, Row> spark = scoreWithSpark(file, "--scorer", "pm:" + head.toUri());
        assertThat(spark).hasSize(SyntheticFiles.COUNT);
        assertThat(spark.get(1L).<String>getAs(ScoreJob.SCORED_BY)).isEqualTo("pm:" + head.getFileName());
        assertSameScores(spark, scoreOnOneMachine(file, EmbeddedPreferenceModel.load(head)));
    }

    @Test
    void aBadRecordStopsTheJobWithItsPosition() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(SharedData.redTeamSample()).replaceFirst("\"model_type\": ?\"[^\"]*\"",
                "\"model_type\": \"gpt-9\""));
        ScoreJob job = job(bad, dir.resolve("out"));
        assertThatThrownBy(() -> job.run(LocalSpark.session()))
                .hasStackTraceContaining("bad.json: record 1 (line 2), field \"model_type\": expected one of");
        var err = new java.io.StringWriter();
        assertThat(JobErrors.report(catchFailure(job), new java.io.PrintWriter(err))).isEqualTo(JobErrors.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: file:").contains("bad.json: record 1");
        assertThat(dir.resolve("out")).as("a failed job leaves no output behind").doesNotExist();
    }

    @Test
    void anExistingOutputIsKeptUnlessOverwriteIsGiven() throws IOException {
        Path sample = SharedData.redTeamSample(); // outside the lambda: a skip inside it would count as the expected failure
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> job(sample, out).run(LocalSpark.session()))
                .hasMessageContaining("already exists; choose another --output or add --overwrite");
        assertThat(out.resolve("keep.txt")).hasContent("mine");
        assertThat(job(sample, out, "--overwrite").run(LocalSpark.session())).isEqualTo(10);
        assertThat(out.resolve("keep.txt")).doesNotExist();
    }

    @Test
    void anUnknownScorerIsRefused() {
        ScoreJob job = job(SharedData.redTeamSample(), dir.resolve("out"), "--scorer", "judge:openai:x");
        assertThatThrownBy(() -> job.run(LocalSpark.session())).hasMessageContaining("expected pm or pm:PATH");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static Throwable catchFailure(ScoreJob job) {
        try {
            job.run(LocalSpark.session());
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the job did not fail");
    }

    private static void assertSameScores(Map<Long, Row> spark, List<Stored> single) {
        assertThat(spark).hasSize(single.size());
        for (int index = 0; index < single.size(); index++) {
            int i = index;
            Row row = spark.get(i + 1L);
            Stored expected = single.get(i);
            assertClose(row.getAs(RedTeamAttemptJson.MIN_HARMLESSNESS_SCORE), expected.minimum(), i);
            assertClose(row.getAs(RedTeamAttemptJson.TASK_DESCRIPTION_SCORE), expected.intent(), i);
            Map<Integer, Double> turns = new HashMap<>();
            for (Row turn : row.<Row>getList(row.fieldIndex(ScoreJob.TURN_SCORES))) {
                turns.put(turn.getInt(0), turn.getDouble(1));
            }
            assertThat(turns.keySet()).as("scored turns of attempt %d", i + 1).isEqualTo(expected.turns().keySet());
            turns.forEach((turn, score) -> assertClose(score, expected.turns().get(turn), i));
        }
    }

    private static void assertClose(Double actual, Double expected, int attempt) {
        assertThat(expected).as("single-machine score of attempt %d", attempt + 1).isNotNull();
        assertThat(actual).as("attempt %d", attempt + 1).isCloseTo(expected, within(1e-6));
    }

    private Map<Long, Row> scoreWithSpark(Path input, String... options) {
        Path out = dir.resolve("scored");
        job(input, out, options).run(LocalSpark.session());
        Map<Long, Row> rows = new HashMap<>();
        for (Row row : LocalSpark.session().read().parquet(out.toUri().toString()).collectAsList()) {
            rows.put(row.getAs(AttemptRows.RECORD), row);
        }
        return rows;
    }

    /** Imports into a fresh SQLite file and runs what {@code redteam4j score --rescore} runs. */
    private List<Stored> scoreOnOneMachine(Path input, EmbeddedPreferenceModel model) {
        Database db = Database.open(dir.resolve("single.db").toString());
        new Importer(db, false, ImportProgress.NONE).importFile(input, DatasetFormat.RED_TEAM_ATTEMPTS);
        new AttemptScoring(db, model, 64).run(true, (done, total, turns) -> { });
        return db.inTransaction(handle -> {
            Map<Long, Map<Integer, Double>> turns = new HashMap<>();
            handle.createQuery("SELECT attempt_id, position, harmlessness_score FROM turns WHERE harmlessness_score IS NOT NULL")
                    .map((rs, ctx) -> {
                        turns.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getInt(2), rs.getDouble(3));
                        return null;
                    }).list();
            List<Stored> stored = new ArrayList<>();
            handle.createQuery("SELECT id, min_harmlessness_score, task_description_harmlessness_score FROM attempts ORDER BY id")
                    .map((rs, ctx) -> new Stored(rs.getDouble(2), rs.getDouble(3), turns.getOrDefault(rs.getLong(1), Map.of())))
                    .forEach(stored::add);
            return stored;
        });
    }

    private static ScoreJob job(Path input, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("--input", input.toUri().toString(), "--output", out.toUri().toString()));
        args.addAll(List.of(options));
        ScoreJob job = new ScoreJob();
        new CommandLine(job).parseArgs(args.toArray(String[]::new));
        return job;
    }

    private static List<RedTeamAttempt> read(Path file) {
        List<RedTeamAttempt> attempts = new ArrayList<>();
        try (RecordReader<RedTeamAttempt> reader = Datasets.redTeamAttempts(file)) {
            for (RedTeamAttempt attempt = reader.read(); attempt != null; attempt = reader.read()) {
                attempts.add(attempt);
            }
        }
        return attempts;
    }
}
