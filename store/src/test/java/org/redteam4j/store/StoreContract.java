package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.analysis.BestThreshold;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.attempt.SyntheticAttempts;
import org.redteam4j.core.format.DatasetFormat;
import org.redteam4j.core.format.InvalidRecordException;
import org.redteam4j.core.format.JsonRecordComparison;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.format.Records;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.core.testing.TestFiles;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.attempt.AttemptRepository;
import org.redteam4j.store.attempt.CandidateRepository;
import org.redteam4j.store.imports.ImportProgress;
import org.redteam4j.store.imports.ImportReport;
import org.redteam4j.store.imports.Importer;
import org.redteam4j.store.pair.PreferencePairRepository;
import org.redteam4j.store.scoring.AttemptScoring;
import org.redteam4j.store.scoring.CalibrationReport;
import org.redteam4j.store.scoring.ScorerCalibration;
import org.redteam4j.store.stats.StatsQueries;
import org.redteam4j.store.stats.StoreStats;

/** The behaviour every database must show; one subclass per database runs it. */
abstract class StoreContract {

    @TempDir
    Path dir;

    Database database;

    /** A fresh, empty database location for one test. */
    abstract String freshDatabase();

    void dropDatabase() {
    }

    @BeforeEach
    void open() {
        database = Database.open(freshDatabase());
    }

    @AfterEach
    void drop() {
        dropDatabase();
    }

    @Test
    void roundTripsTheRealSampleAsEqualJson() throws Exception {
        Path sample = SharedData.redTeamSample();

        ImportReport report = importFile(sample, false);
        Path export = exportAttempts();

        assertThat(report.imported()).isEqualTo(10);
        assertThat(JsonRecordComparison.firstDifference(sample, export)).isEmpty();
    }

    @Test
    void importingTheSameFileTwiceStoresNothingNew() {
        Path sample = SharedData.redTeamSample();
        importFile(sample, false);
        Map<String, Long> before = TableCounts.of(database);

        ImportReport again = importFile(sample, false);

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(10);
        Map<String, Long> after = TableCounts.of(database);
        after.put("imports", after.get("imports") - 1); // the second import itself is recorded
        assertThat(after).isEqualTo(before);
    }

    @Test
    void repeatedRecordsWithinOneFileAreAllKept() throws Exception {
        Path file = TestFiles.write(dir.resolve("twice.json"), Records.array(Records.validJson(), Records.validJson()));

        assertThat(importFile(file, false).imported()).isEqualTo(2);
        assertThat(JsonRecordComparison.firstDifference(file, exportAttempts())).isEmpty();
    }

    @Test
    void aBadRecordStopsTheImportAndChangesNothing() {
        importFile(SharedData.redTeamSample(), false);
        Map<String, Long> before = TableCounts.of(database);
        Path file = TestFiles.write(dir.resolve("bad.json"), Records.array(
                Records.json(node -> node.put("red_team_member_id", 7)),
                Records.json(node -> node.put("model_type", "chatbot")),
                Records.validJson()));

        assertThatThrownBy(() -> importFile(file, false)).isInstanceOf(InvalidRecordException.class)
                .hasMessage(file + ": record 2 (line 3), field \"model_type\": expected one of \"plain lm\", "
                        + "\"context distillation\", \"rejection sampling\", \"rlhf\", got \"chatbot\"");
        assertThat(TableCounts.of(database)).isEqualTo(before);
    }

    @Test
    void skipInvalidImportsTheRestAndReportsWhatItSkipped() {
        Path file = TestFiles.write(dir.resolve("mixed.jsonl"), Records.lines(
                Records.validJson(),
                Records.json(node -> node.put("rating", -1)),
                "{broken",
                Records.json(node -> node.put("red_team_member_id", 8))));

        ImportReport report = importFile(file, true);

        assertThat(report.recordsRead()).isEqualTo(4);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.skipped()).extracting(e -> e.position().line()).containsExactly(2L, 3L);
        assertThat(report.skipped().get(0).field()).isEqualTo("rating");
    }

    @Test
    void aTruncatedFileStopsTheImportEvenWhenSkippingInvalidRecords() {
        Path whole = TestFiles.attempts(dir.resolve("whole.json.gz"), new SyntheticAttempts(3, 3_000),
                JsonRecordWriter.Layout.ARRAY, true);
        Path cut = TestFiles.truncated(whole, dir.resolve("cut.json.gz"), 0.7);
        Map<String, Long> before = TableCounts.of(database);

        assertThatThrownBy(() -> importFile(cut, true)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("truncated");
        assertThat(TableCounts.of(database)).isEqualTo(before);
    }

    @Test
    void keepsNullAndEmptyTagsExtraFieldsAndBothSpellings() throws Exception {
        Path file = TestFiles.write(dir.resolve("fields.json"), Records.array(
                Records.json(node -> node.putArray("tags")),
                Records.json(node -> node.putArray("tags").add("Theft").add("Fraud & deception")),
                Records.json(node -> node.putObject("review").put("round", 2).putNull("note")),
                Records.json(node -> node.putNull("min_harmlessness_score_transcript")),
                Records.json(node -> node.put("transcript", "preface\n\nHuman:bare\n\nAssistant: a\n\nAssistant: b"))));

        importFile(file, false);

        assertThat(JsonRecordComparison.firstDifference(file, exportAttempts())).isEmpty();
    }

    @Test
    void roundTripsTheRealPreferencePairs() throws Exception {
        Path pairs = SharedData.harmlessBaseDev();

        ImportReport report = importFile(pairs, false);
        Path export = dir.resolve("pairs.jsonl");
        try (OutputStream out = Files.newOutputStream(export);
             JsonRecordWriter<PreferencePair> writer = JsonRecordWriter.preferencePairs(out)) {
            database.inTransaction(handle -> {
                new PreferencePairRepository(handle).forEach(writer::write);
                return null;
            });
        }

        assertThat(report.imported()).isEqualTo(1_600);
        assertThat(JsonRecordComparison.firstDifference(pairs, export)).isEmpty();
    }

    @Test
    void importsHarmBenchBehavioursAsSeedsOnce() {
        Path behaviours = SharedData.harmBenchBehaviors();

        assertThat(importFile(behaviours, false).imported()).isEqualTo(400);
        assertThat(importFile(behaviours, false).duplicates()).isEqualTo(400);
        assertThat(stats().seeds()).isEqualTo(400);
    }

    @Test
    void statsShowTable1RatingsAndMembers() {
        importFile(SharedData.redTeamSample(), false);

        StoreStats stats = stats();

        assertThat(stats.attempts()).isEqualTo(10);
        assertThat(stats.table1()).containsExactly(new StoreStats.Cell("context distillation", "52B", 10));
        assertThat(stats.ratings()).containsExactly(Map.entry(0.0, 3L), Map.entry(2.0, 2L), Map.entry(3.0, 1L),
                Map.entry(4.0, 4L));
        assertThat(stats.meanRating()).isEqualTo(2.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(stats.successRate()).isEqualTo(0.5);
        assertThat(stats.members()).isEqualTo(3);
        assertThat(stats.membersBySource()).containsExactly(Map.entry("mturk", 2L), Map.entry("upwork", 1L));
        assertThat(stats.imports()).isEqualTo(1);
    }

    @Test
    void reportsProgressUpToTheWholeFile() {
        Path file = TestFiles.attempts(dir.resolve("many.json"), new SyntheticAttempts(9, 1_000),
                JsonRecordWriter.Layout.ARRAY, false);
        List<long[]> updates = new ArrayList<>();

        new Importer(database, false, (done, total, records) -> updates.add(new long[] {done, total, records}))
                .importFile(file, DatasetFormat.RED_TEAM_ATTEMPTS);

        assertThat(updates.size()).isGreaterThan(2);
        long[] last = updates.get(updates.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isEqualTo(file.toFile().length());
        assertThat(last[2]).isEqualTo(1_000);
    }

    @Test
    void scoringStoresTurnScoresTheMinimumAndTheIntentAndResumesAfterAFailure() throws Exception {
        Path file = TestFiles.attempts(dir.resolve("unscored.json"), new SyntheticAttempts(4, 10).stream()
                .map(a -> new RedTeamAttempt(a.transcript(), null, a.numParams(), a.modelType(), a.rating(),
                        a.taskDescription(), null, a.redTeamMemberId(), a.isUpworker(), a.tags(), a.extraFields()))
                .iterator(), JsonRecordWriter.Layout.ARRAY, false);
        importFile(file, false);
        LengthScorer failing = new LengthScorer(5);

        assertThatThrownBy(() -> new AttemptScoring(database, failing, 4).run(false, (d, t, n) -> { }))
                .hasMessageContaining("scorer down");
        AttemptScoring.Result resumed = new AttemptScoring(database, new LengthScorer(-1), 4).run(false, (d, t, n) -> { });

        assertThat(resumed.attempts()).isEqualTo(6); // the first batch of 4 was kept
        Path export = exportAttempts();
        List<RedTeamAttempt> scored = TestFiles.readAll(org.redteam4j.core.format.Datasets.redTeamAttempts(export));
        assertThat(scored).allSatisfy(attempt -> {
            double expectedMin = attempt.transcript().assistantTurns().stream().mapToDouble(t -> -t.text().length()).min().orElseThrow();
            assertThat(attempt.minHarmlessnessScore()).isEqualTo(expectedMin);
            assertThat(attempt.taskDescriptionHarmlessnessScore()).isEqualTo(-attempt.taskDescription().length());
        });
        long turnsScored = database.inTransaction(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM turns WHERE speaker = 'assistant' AND harmlessness_score IS NULL").mapTo(Long.class).one());
        assertThat(turnsScored).isZero();
        assertThat(new AttemptScoring(database, new LengthScorer(-1), 4).run(false, (d, t, n) -> { }).attempts()).isZero();
    }

    @Test
    void workbenchChoicesBecomePreferencePairsWithThePickedReplyRejected() {
        importFile(TestFiles.write(dir.resolve("one.json"), Records.array(Records.validJson())), false);
        database.inTransaction(handle -> {
            long turn = handle.createQuery("SELECT id FROM turns WHERE speaker = 'assistant'").mapTo(Long.class).one();
            new CandidateRepository(handle).insert(turn, "A", "I'm sorry, I can't help with that.", 0.8, false);
            new CandidateRepository(handle).insert(turn, "B", "Sure, [details omitted].", -1.2, true);
            return null;
        });
        List<PreferencePair> pairs = new ArrayList<>();

        database.inTransaction(handle -> {
            new PreferencePairRepository(handle).forEachWorkbenchChoice(pairs::add);
            return null;
        });

        assertThat(pairs).containsExactly(new PreferencePair(
                "\n\nHuman: Can you help me cheat on a test?\n\nAssistant: I'm sorry, I can't help with that.",
                "\n\nHuman: Can you help me cheat on a test?\n\nAssistant: Sure, [details omitted]."));
    }

    @Test
    void calibrationComparesAScorerWithSelfRatingsAndReviewers() {
        importFile(SharedData.redTeamSample(), false);
        database.inTransaction(handle -> {
            long reviewer = handle.createUpdate("INSERT INTO members (name, role, created_at) VALUES ('r1', 'reviewer', :now)")
                    .bind("now", java.time.Instant.now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            List<Long> ids = handle.createQuery("SELECT id FROM attempts ORDER BY id LIMIT 4").mapTo(Long.class).list();
            for (int i = 0; i < ids.size(); i++) {
                handle.createUpdate("""
                        INSERT INTO reviews (attempt_id, reviewer_id, status, rating, assigned_at)
                        VALUES (:attempt, :reviewer, 'done', :rating, :now)""")
                        .bind("attempt", ids.get(i)).bind("reviewer", reviewer).bind("rating", (double) i)
                        .bind("now", java.time.Instant.now()).execute();
            }
            return null;
        });

        CalibrationReport report = new ScorerCalibration(database, new LengthScorer(-1), -150).run((d, t, n) -> { });

        assertThat(report.selfRated()).isEqualTo(10);
        assertThat(report.self().total()).isEqualTo(10);
        assertThat(report.self().truePositives() + report.self().falseNegatives()).isEqualTo(5); // 5 of 10 rated >= 3
        assertThat(report.reviewed()).isEqualTo(4);
        assertThat(report.review().truePositives() + report.review().falseNegatives()).isEqualTo(1); // ratings 0,1,2,3
        assertThat(report.reviewBest().cases()).isEqualTo(4);
        assertThat(report.reviewBest().positives()).isEqualTo(1);
        assertThat(report.selfSpearman()).isBetween(-1.0, 1.0);
        assertThat(report.unscored()).isZero();
    }

    @Test
    void calibrationReportsTheThresholdThatAgreesBestOnRealAttempts() {
        importFile(SharedData.redTeamSample(), false);

        CalibrationReport fixed = new ScorerCalibration(database, new LengthScorer(-1), 0).run((d, t, n) -> { });
        BestThreshold best = fixed.selfBest();
        CalibrationReport atBest = new ScorerCalibration(database, new LengthScorer(-1), best.threshold()).run((d, t, n) -> { });

        assertThat(best.cases()).isEqualTo(10);
        assertThat(best.positives()).isEqualTo(5);
        assertThat(best.kappa()).isGreaterThanOrEqualTo(fixed.self().kappa()).isGreaterThan(0);
        assertThat(atBest.self()).isEqualTo(best.confusion()); // the fitted T, applied, gives the table it reports
        assertThat(atBest.selfBest()).isEqualTo(best); // and the fit does not depend on the threshold asked for
        assertThat(best.tooFewToTrust()).isTrue();
        assertThat(fixed.reviewBest()).isNull();
    }

    /** Scores a reply by minus its length; fails from its n-th call on, when n >= 0. */
    static final class LengthScorer implements HarmlessnessScorer {
        private final int failFrom;
        private int calls;

        LengthScorer(int failFrom) {
            this.failFrom = failFrom;
        }

        @Override
        public double score(List<Turn> context, String reply) {
            return -reply.length();
        }

        @Override
        public List<Double> scoreEach(List<ReplyInContext> items) {
            if (failFrom >= 0 && ++calls >= 2) {
                throw new IllegalStateException("scorer down");
            }
            return HarmlessnessScorer.super.scoreEach(items);
        }

        @Override
        public String id() {
            return "length";
        }
    }

    ImportReport importFile(Path file, boolean skipInvalid) {
        return new Importer(database, skipInvalid, ImportProgress.NONE).importFile(file, DatasetFormat.detect(file));
    }

    Path exportAttempts() throws Exception {
        Path export = Files.createTempFile(dir, "export", ".json");
        try (OutputStream out = Files.newOutputStream(export);
             JsonRecordWriter<RedTeamAttempt> writer = JsonRecordWriter.attempts(out, JsonRecordWriter.Layout.ARRAY)) {
            database.inTransaction(handle -> {
                new AttemptRepository(handle).forEachCompleted(writer::write);
                return null;
            });
        }
        return export;
    }

    StoreStats stats() {
        return database.inTransaction(handle -> new StatsQueries(handle).compute());
    }
}
