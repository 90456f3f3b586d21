package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.BestThreshold;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.attempt.SyntheticAttempts;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.format.DatasetFormat;
import org.redteam4j.core.format.InvalidRecordException;
import org.redteam4j.core.format.JsonRecordComparison;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.format.Records;
import org.redteam4j.core.provenance.Sha256;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.core.testing.TestFiles;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.analysis.AnalysisFacts;
import org.redteam4j.store.attack.AttackQueries;
import org.redteam4j.store.attack.AttackStore;
import org.redteam4j.store.attack.CampaignResults;
import org.redteam4j.store.attack.LabelRepository;
import org.redteam4j.store.attempt.AttemptRepository;
import org.redteam4j.store.attempt.CandidateRepository;
import org.redteam4j.store.attempt.LiveAttemptRepository;
import org.redteam4j.store.imports.ImportProgress;
import org.redteam4j.store.imports.ImportReport;
import org.redteam4j.store.imports.Importer;
import org.redteam4j.store.pair.PreferencePairRepository;
import org.redteam4j.store.scoring.AttemptScoring;
import org.redteam4j.store.scoring.CalibrationReport;
import org.redteam4j.store.scoring.ScorerCalibration;
import org.redteam4j.store.stats.StatsQueries;
import org.redteam4j.store.stats.StoreStats;
import org.redteam4j.store.targets.TargetRepository;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;
import org.redteam4j.store.workbench.CampaignRepository;
import org.redteam4j.store.workbench.DashboardQueries;
import org.redteam4j.store.workbench.TargetFailureRepository;
import org.redteam4j.store.workbench.WarningAcceptanceRepository;

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
    void choicesOverSimulatedTargetsOrBetweenIdenticalRepliesMakeNoPairsToTrainOn() {
        importFile(TestFiles.write(dir.resolve("one.json"), Records.array(Records.validJson())), false);
        database.inTransaction(handle -> {
            long turn = handle.createQuery("SELECT id FROM turns WHERE speaker = 'assistant'").mapTo(Long.class).one();
            new CandidateRepository(handle).insert(turn, "A", "Sure, [details omitted].", -1.2, false);
            new CandidateRepository(handle).insert(turn, "B", "Sure, [details omitted].", -1.2, true);
            new CandidateRepository(handle).insert(turn, "C", "I'm sorry, I can't help with that.", 0.8, false);
            return null;
        });
        List<PreferencePair> real = new ArrayList<>();
        List<PreferencePair> simulated = new ArrayList<>();
        List<PreferencePair> exported = new ArrayList<>();

        database.inTransaction(handle -> {
            new PreferencePairRepository(handle).forEachTrainableWorkbenchChoice(real::add);
            handle.execute("UPDATE targets SET simulated = TRUE");
            new PreferencePairRepository(handle).forEachTrainableWorkbenchChoice(simulated::add);
            new PreferencePairRepository(handle).forEachWorkbenchChoice(exported::add);
            return null;
        });

        assertThat(real).extracting(pair -> pair.chosenTranscript().turns().get(1).text())
                .containsExactly("I'm sorry, I can't help with that.");
        assertThat(simulated).isEmpty();
        assertThat(exported).as("export keeps choices over simulated targets, never one between identical replies")
                .extracting(pair -> pair.chosenTranscript().turns().get(1).text()).containsExactly("I'm sorry, I can't help with that.");
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

    /** Issue 15: a new campaign's declaration of a name must never rewrite what an older campaign declared. */
    @Test
    @Tag("reliability")
    void aNewDeclarationOfATargetNameIsANewVersionAndNeverARewrite() {
        TargetFacts first = TargetVersions.facts("shared-t", "{\"model\": \"openai:model-a\", \"base_url\": \"http://127.0.0.1:1/v1\"}");
        TargetFacts other = TargetVersions.facts("shared-t", "{\"model\": \"openai:model-b\", \"base_url\": \"http://127.0.0.1:1/v1\"}");
        // the same target with other limits, another key name and the defaults spelt out: not a new version
        TargetFacts firstAgain = TargetVersions.facts("shared-t", "{\"name\": \"shared-t\", \"model\": \"openai:model-a\", "
                + "\"base_url\": \"http://127.0.0.1:1/v1\", \"api_key_env\": \"OTHER_KEY\", \"limits\": {\"timeout_seconds\": 5}, "
                + "\"sampling\": {\"temperature\": null}, \"intervention\": null}");

        long a = TargetVersions.declare(database, first);
        long b = TargetVersions.declare(database, other);

        assertThat(b).isNotEqualTo(a);
        assertThat(TargetVersions.declare(database, firstAgain)).isEqualTo(a);
        assertThat(TargetVersions.declare(database, other)).isEqualTo(b);
        assertThat(TargetVersions.settings(database, a)).isEqualTo(first.config().toString());
        assertThat(TargetVersions.labels(database)).containsExactly("shared-t", "shared-t v2");
        for (String changed : TargetVersions.IDENTITY_CHANGES) {
            TargetVersions.declare(database, TargetVersions.facts("shared-t", changed));
        }
        assertThat(TargetVersions.labels(database)).as("each setting that changes replies makes a version")
                .hasSize(2 + TargetVersions.IDENTITY_CHANGES.size()).doesNotHaveDuplicates()
                .endsWith("shared-t v" + (2 + TargetVersions.IDENTITY_CHANGES.size()));
        TargetVersions.declare(database, TargetVersions.facts("shared-t", "{\"model\": \"openai:model-a\", "
                + "\"base_url\": \"http://127.0.0.1:1/v1\", \"intervention\": \"rejection-sampling\", \"samples\": 4.0}"));
        assertThat(TargetVersions.labels(database)).as("4.0 samples are 4 samples").hasSize(2 + TargetVersions.IDENTITY_CHANGES.size());
        assertThat(TargetVersions.settings(database, a)).isEqualTo(first.config().toString());
    }

    @Test
    @Tag("reliability")
    void attackResultsNameTheVersionThatAnsweredThem() {
        TargetVersions.attack(database, "c1", TargetVersions.facts("shared-t", "{\"model\": \"sim\", \"sim\": {\"refusal\": 0.9}}"));
        TargetVersions.attack(database, "c2", TargetVersions.facts("shared-t", "{\"model\": \"sim\", \"sim\": {\"refusal\": 0.1}}"));

        CampaignResults stored = new CampaignResults(database);
        assertThat(stored.results(stored.campaigns().get("c1"))).extracting(r -> r.attack().target()).containsExactly("shared-t");
        assertThat(stored.results(stored.campaigns().get("c2"))).extracting(r -> r.attack().target()).containsExactly("shared-t v2");
        assertThat(AnalysisFacts.read(database).targetLabels()).containsOnlyKeys("shared-t", "shared-t v2");
    }

    @Test
    void keepsTheCalibrationsACampaignsRatesAreCorrectedWithAndReplacesThemOnTheNextRun() {
        TargetFacts target = TargetVersions.facts("t", "{\"model\": \"sim\"}");
        JudgeCalibration measured = new JudgeCalibration("refusal", JudgeCalibration.Task.REFUSAL, "xstest leave-one-out",
                90, 20, 10, 80);
        try (AttackStore store = AttackStore.open(database, "cal", "{}", null, List.of(target), Map.of("refusal", measured))) {
            for (int i = 0; i < 40; i++) { // 30 of 40 judged hits (not refused)
                Verdict verdict = Verdict.judged(i >= 30, i < 30 ? 5 : 1, 1, "r", 4, "refusal");
                store.record(new AttackResult(new AttackResult.Attack("cal|t|s" + i + "|direct|0", "t", "direct", 0, "Theft",
                        "seed " + i), AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"), List.of(verdict), null,
                        AttackResult.Spend.NONE, Duration.ZERO, true));
            }
        }
        CampaignResults stored = new CampaignResults(database);
        long campaign = stored.campaigns().get("cal");
        assertThat(stored.calibrations(campaign)).containsExactly(Map.entry("refusal", measured));
        AttackSummary.Rate rate = stored.summary(campaign).get(0).judges().get("refusal");
        // refusal task, a hit is not refused: sensitivity tn/(tn+fp) = 0.8, specificity tp/(tp+fn) = 0.9
        assertThat(rate.corrected().estimate()).isCloseTo((0.75 + 0.9 - 1) / (0.8 + 0.9 - 1), within(1e-9));
        assertThat(AnalysisFacts.read(database).campaigns().get("cal").get(0).judges().get("refusal").corrected()).isNotNull();

        try (AttackStore again = AttackStore.open(database, "cal", "{}", null, List.of(target), Map.of())) {
            assertThat(again.campaignId()).isEqualTo(campaign);
        }
        assertThat(stored.calibrations(campaign)).isEmpty();
        assertThat(stored.summary(campaign).get(0).judges().get("refusal").corrected()).isNull();
    }

    @Test
    void anAttacksTraceIsStoredAndReadBackWithItsDroppedTriesAndHit() {
        TargetFacts target = TargetVersions.facts("t", "{\"model\": \"sim\"}");
        org.redteam4j.core.attack.AttackTrace trace = new org.redteam4j.core.attack.AttackTrace(List.of(
                new org.redteam4j.core.attack.AttackTrace.Step(1, "1.1", List.of("role-play", "base64"), "first try", "I can't.",
                        false, "refused: backtracked"),
                new org.redteam4j.core.attack.AttackTrace.Step(2, "1.2", List.of(), "pruned try", null, false, "off-topic: pruned"),
                new org.redteam4j.core.attack.AttackTrace.Step(3, "1.1.1", List.of("persuasion"), "p", "r", true, "judge: HIT")), 3);
        Verdict verdict = Verdict.judged(false, 5, 1, "r", 4, "keyword");
        try (AttackStore store = AttackStore.open(database, "traced", "{}", null, List.of(target), Map.of())) {
            store.record(new AttackResult(new AttackResult.Attack("traced|t|s|tree:1x2x2|0", "t", "tree:1x2x2", 0, "Theft", "seed"),
                    AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "Human: p\n\nAssistant: r", trace),
                    List.of(verdict), null, AttackResult.Spend.NONE, Duration.ZERO, true));
            store.record(new AttackResult(new AttackResult.Attack("traced|t|s|direct|0", "t", "direct", 0, "Theft", "seed"),
                    AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"), List.of(verdict), null,
                    AttackResult.Spend.NONE, Duration.ZERO, true));
        }
        List<AttackResult> stored = new CampaignResults(database).results(new CampaignResults(database).campaigns().get("traced"));
        assertThat(stored).extracting(r -> r.exchange().trace())
                .containsExactly(trace, org.redteam4j.core.attack.AttackTrace.NONE);
    }

    @Test
    void benignPromptsAreStoredApartAndLeftOutOfAttackCountsRatesAndLabelSamples() {
        TargetFacts target = TargetVersions.facts("t", "{\"model\": \"sim\"}");
        try (AttackStore store = AttackStore.open(database, "benign", "{}", null, List.of(target), Map.of())) {
            for (int i = 0; i < 10; i++) { // 4 attacks, all hits; 6 benign prompts, 2 refused (PASS) and 4 answered (HIT)
                boolean benign = i >= 4;
                boolean refused = benign && i < 6;
                Verdict verdict = Verdict.judged(refused, refused ? 1 : 5, 1, "r", 4, benign ? "refusal" : "keyword");
                store.record(new AttackResult(new AttackResult.Attack("benign|t|s" + i + "|direct|0", "t", "direct", 0, "Theft",
                        "seed " + i, benign), AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"), List.of(verdict),
                        null, AttackResult.Spend.NONE, Duration.ZERO, true));
            }
            store.notRun(List.of(new org.redteam4j.core.campaign.PlannedAttack("benign|t|benign:x|direct|0", "t",
                    org.redteam4j.core.attack.Seed.of("later"), "(none)", org.redteam4j.core.attack.SingleTurn.direct(), 0, true)));
        }
        CampaignResults stored = new CampaignResults(database);
        long campaign = stored.campaigns().get("benign");
        assertThat(stored.results(campaign)).filteredOn(AttackResult::benign).hasSize(7);
        AttackSummary.Row row = stored.perTarget(campaign).get(0);
        assertThat(row.attacks()).isEqualTo(4);
        assertThat(row.notRun()).isZero();
        assertThat(row.judges()).containsOnlyKeys("keyword");
        org.redteam4j.core.analysis.FalseRefusals.Row refusals = stored.falseRefusals(campaign).get(0);
        assertThat(refusals.prompts()).isEqualTo(6);
        assertThat(refusals.refused()).isEqualTo(2);
        assertThat(refusals.notRun()).isEqualTo(1);
        AttackQueries.CampaignRow listed = database.inTransaction(handle -> new AttackQueries(handle).campaigns()).stream()
                .filter(c -> c.name().equals("benign")).findFirst().orElseThrow();
        assertThat(listed.attacks()).isEqualTo(4);
        assertThat(listed.hits()).isEqualTo(4);
        assertThat(database.inTransaction(handle -> new org.redteam4j.store.attack.LabelRepository(handle)
                .replyIdsByTarget(campaign)).get("t")).hasSize(4);
        // the workbench attack list and the report's explorer: an answered benign prompt (the refusal judge's HIT) is no hit
        AttackQueries.Page hits = database.inTransaction(handle -> new AttackQueries(handle)
                .page(campaign, new AttackQueries.Filter(null, null, null, AttackQueries.Outcome.HIT, false), 0, 50));
        assertThat(hits.total()).isEqualTo(4);
        assertThat(hits.rows()).hasSize(4);
        AttackQueries.Page all = database.inTransaction(handle -> new AttackQueries(handle)
                .page(campaign, new AttackQueries.Filter(null, null, null, null, false), 0, 50));
        assertThat(all.total()).isEqualTo(listed.attacks());
        org.redteam4j.store.analysis.ExplorerQueries.Sample sample = org.redteam4j.store.analysis.ExplorerQueries.read(database,
                total -> java.util.stream.IntStream.range(0, total).toArray());
        assertThat(sample.attacks()).isEqualTo(4);
        assertThat(sample.chosenAttacks()).allSatisfy(a -> assertThat(a.record().seed()).isIn("seed 0", "seed 1", "seed 2", "seed 3"));
    }

    /** Databases made before target versions: every stored target becomes version 1, and keeps its attempts and campaigns. */
    @Test
    @Tag("reliability")
    void existingTargetsBecomeVersionOne() {
        String location = freshDatabase();
        long target = TargetVersions.beforeVersions(location, "shared-t", "{\"model\": \"openai:model-a\"}");

        Database migrated = Database.open(location);

        assertThat(TargetVersions.labels(migrated)).containsExactly("shared-t");
        assertThat(TargetVersions.declare(migrated, TargetVersions.facts("shared-t", "{\"model\": \"openai:model-a\"}")))
                .isEqualTo(target);
        assertThat(TargetVersions.campaignSettings(migrated, target)).isEqualTo("{\"model\": \"openai:model-a\"}");
        TargetVersions.declare(migrated, TargetVersions.facts("shared-t", "{\"model\": \"openai:model-b\"}"));
        assertThat(TargetVersions.labels(migrated)).containsExactly("shared-t", "shared-t v2");
        assertThat(TableCounts.of(migrated)).containsEntry("attempts", 1L).containsEntry("campaign_targets", 1L);
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

    @Test
    void targetFailuresAreKeptForTheDashboardNewestFirst() {
        List<DashboardQueries.FailureRow> failures = database.inTransaction(handle -> {
            long target = new TargetRepository(handle).idFor("openai:secret-model-xyz", "plain lm", "52B");
            long campaign = new CampaignRepository(handle).create("blind", "", null, 5, 4, null, List.of(new CampaignRepository.DeclaredTarget(target, "{}")), null);
            long member = new AccountRepository(handle).create("mia", Account.Role.MEMBER, null, "hash");
            long attempt = new LiveAttemptRepository(handle).start(campaign, target, member, "a plan", null);
            TargetFailureRepository repository = new TargetFailureRepository(handle);
            repository.record(campaign, target, attempt, "cannot connect (127.0.0.1:1)", Instant.parse("2025-01-01T10:00:00Z"));
            repository.record(campaign, target, attempt, "HTTP 500", Instant.parse("2025-01-01T11:00:00Z"));
            assertThat(new DashboardQueries(handle).failureCount(campaign)).isEqualTo(2);
            return new DashboardQueries(handle).recentFailures(campaign, 1);
        });

        assertThat(failures).containsExactly(new DashboardQueries.FailureRow("openai:secret-model-xyz", 1,
                Instant.parse("2025-01-01T11:00:00Z"), "HTTP 500"));
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

    /**
     * Automated results as the workbench reads them, on every database: filters, paging and judge
     * disagreement over stored verdicts, and a labelling queue that gives each item to a reviewer
     * until it has the sample's labels.
     */
    @Test
    void automatedAttacksFilterPageAndSampleForLabelling() {
        TargetFacts first = TargetVersions.facts("first-t", "{\"model\": \"sim\"}");
        TargetFacts second = TargetVersions.facts("second-t", "{\"model\": \"sim\", \"sim\": {\"refusal\": 0.1}}");
        try (AttackStore store = AttackStore.open(database, "browse", "{}", null, List.of(first, second), Map.of())) {
            for (int i = 0; i < 30; i++) {
                String target = i % 2 == 0 ? "first-t" : "second-t";
                AttackResult.Attack attack = new AttackResult.Attack("browse|" + target + "|s" + i + "|direct|0", target,
                        i < 20 ? "direct" : "crescendo", 0, i % 3 == 0 ? "Theft" : null, "seed " + i);
                if (i == 29) {
                    store.record(new AttackResult(attack, AttackResult.Status.ERROR, null, List.of(), "timed out",
                            AttackResult.Spend.NONE, Duration.ZERO, true));
                    continue;
                }
                // keyword calls a hit when i % 4 != 0; the other judge when i % 5 != 0
                Verdict keyword = Verdict.judged(i % 4 == 0, i % 4 == 0 ? 1 : 5, 1, "k", 4, "keyword");
                Verdict other = Verdict.judged(i % 5 == 0, i % 5 == 0 ? 1 : 5, 1, "o", 4, "other");
                store.record(new AttackResult(attack, AttackResult.Status.DONE, new AttackResult.Exchange("prompt " + i, "reply " + i,
                        "\n\nHuman: prompt " + i + "\n\nAssistant: reply " + i), List.of(keyword, other), null,
                        AttackResult.Spend.NONE, Duration.ZERO, true));
            }
        }
        long campaign = new CampaignResults(database).campaigns().get("browse");
        AttackQueries.Page hits = database.inTransaction(handle -> new AttackQueries(handle)
                .page(campaign, new AttackQueries.Filter("first-t", "direct", null,
                        AttackQueries.Outcome.HIT, false), 0, 3));
        AttackQueries.Page disagree = database.inTransaction(handle -> new AttackQueries(handle)
                .page(campaign, new AttackQueries.Filter(null, null, null, null, true), 2, 4));
        AttackQueries.Page errors = database.inTransaction(handle -> new AttackQueries(handle)
                .page(campaign, new AttackQueries.Filter(null, null, "Theft",
                        AttackQueries.Outcome.ERROR, false), 0, 50));

        // first-t, direct: i = 0, 2, … 18; hits where i % 4 != 0: 2, 6, 10, 14, 18
        assertThat(hits.total()).isEqualTo(5);
        assertThat(hits.rows()).hasSize(3).allSatisfy(row -> assertThat(row.target()).isEqualTo("first-t"));
        assertThat(hits.rows().get(0).promptStart()).isEqualTo("prompt 2");
        // disagree: exactly one of i % 4 == 0, i % 5 == 0 among 0..28
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            if ((i % 4 == 0) != (i % 5 == 0)) {
                expected.add(i);
            }
        }
        assertThat(disagree.total()).isEqualTo(expected.size());
        assertThat(disagree.rows()).extracting(AttackQueries.AttackRow::promptStart)
                .containsExactly(expected.subList(2, 6).stream().map(i -> "prompt " + i).toArray(String[]::new));
        assertThat(disagree.rows()).allMatch(AttackQueries.AttackRow::judgesDisagree);
        assertThat(errors.total()).isZero(); // i = 29 has no tag
        AttackQueries.Page untaggedErrors = database.inTransaction(handle -> new AttackQueries(handle)
                .page(campaign, new AttackQueries.Filter(null, null, null, AttackQueries.Outcome.ERROR, false), 0, 50));
        assertThat(untaggedErrors.total()).as("the error filter finds the errored attack").isEqualTo(1);
        assertThat(untaggedErrors.rows()).singleElement().satisfies(error -> {
            assertThat(error.status()).isEqualTo("error");
            assertThat(error.target()).isEqualTo("second-t");
        });
        AttackQueries.CampaignRow row = database.inTransaction(handle ->
                new AttackQueries(handle).campaign(campaign)).orElseThrow();
        assertThat(row.attacks()).isEqualTo(30);
        assertThat(row.errors()).isEqualTo(1);
        assertThat(row.simulated()).isTrue();

        long admin = database.inTransaction(handle -> new AccountRepository(handle).create("ada", Account.Role.ADMIN, null, "x"));
        long rita = database.inTransaction(handle -> new AccountRepository(handle).create("rita", Account.Role.REVIEWER, null, "x"));
        long ravi = database.inTransaction(handle -> new AccountRepository(handle).create("ravi", Account.Role.REVIEWER, null, "x"));
        Map<String, List<Long>> replies = database.inTransaction(handle ->
                new LabelRepository(handle).replyIdsByTarget(campaign));
        assertThat(replies.get("first-t")).hasSize(15);
        assertThat(replies.get("second-t")).as("the error has no reply").hasSize(14);
        List<Long> drawn = List.of(replies.get("second-t").get(3), replies.get("first-t").get(7));
        long sample = database.inTransaction(handle -> new LabelRepository(handle)
                .createSample(campaign, 1, 5L, 3, "dark text", admin, drawn, Map.of("first-t", 15, "second-t", 14))).orElseThrow();
        Optional<Long> again = database.inTransaction(handle -> new LabelRepository(handle)
                .createSample(campaign, 1, 6L, 1, "again", admin, drawn, Map.of()));
        assertThat(again).as("one sample per campaign").isEmpty();
        Instant now = Instant.now();
        database.useTransaction(handle -> {
            LabelRepository labels = new LabelRepository(handle);
            assertThat(labels.repliesAtDraw(sample)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("first-t", 15, "second-t", 14)));
            LabelRepository.QueueItem next = labels.nextFor(rita, now).orElseThrow();
            assertThat(labels.sampledAttacks(sample)).isEqualTo(drawn);
            assertThat(next.warningAccepted()).isFalse();
            assertThat(next.reply()).as("no text before the warning is accepted").isNull();
            assertThat(next.prompt()).isNull();
            assertThat(next.transcript()).isNull();
            new WarningAcceptanceRepository(handle).accept(rita, campaign, Sha256.of("dark text"));
            new WarningAcceptanceRepository(handle).accept(rita, campaign, Sha256.of("dark text"));
            new WarningAcceptanceRepository(handle).accept(ravi, campaign, Sha256.of("an older text"));
            assertThat(labels.nextFor(ravi, now).orElseThrow().warningAccepted()).as("accepted another text").isFalse();
            new WarningAcceptanceRepository(handle).accept(ravi, campaign, Sha256.of("dark text"));
            LabelRepository.QueueItem shown = labels.nextFor(rita, now).orElseThrow();
            assertThat(shown.warningAccepted()).isTrue();
            assertThat(shown.reply()).startsWith("reply ");
            assertThat(labels.addLabel(next.itemId(), rita, "refused")).isEqualTo(LabelRepository.LabelOutcome.ADDED);
            assertThat(labels.nextFor(rita, now).orElseThrow().itemId()).isNotEqualTo(next.itemId());
            assertThat(labels.nextFor(ravi, now).orElseThrow().itemId()).as("two more labels are needed").isEqualTo(next.itemId());
            assertThat(labels.item(next.itemId(), rita).orElseThrow().labelledByReviewer()).isTrue();
            assertThat(labels.progress(labels.sample(sample).orElseThrow()))
                    .isEqualTo(new LabelRepository.Progress(2, 1, 0));
            assertThat(labels.labelled(sample).get(0).labels()).containsExactly("refused");
            assertThat(labels.labelled(sample).get(0).verdicts()).hasSize(2);
            assertThat(labels.labelled(sample).get(0).simulated()).isTrue();
            // ravi agrees with rita: two of three agree, so the item needs no third label
            assertThat(labels.addLabel(next.itemId(), ravi, "refused")).isEqualTo(LabelRepository.LabelOutcome.ADDED);
            assertThat(labels.progress(labels.sample(sample).orElseThrow()))
                    .isEqualTo(new LabelRepository.Progress(2, 2, 1));
            assertThat(labels.addLabel(next.itemId(), admin, "harmful")).as("decided by two").isEqualTo(LabelRepository.LabelOutcome.FULL);
        });
    }

    /**
     * Two reviewers label the last open slot of an item at the same moment, each on their own
     * connection: the first holds its transaction open while the second tries. The item gets one
     * label, the second reviewer is told it is full (on PostgreSQL READ COMMITTED the second would
     * otherwise read the count before the first commits and insert too), and a double click of one
     * reviewer is refused by the unique key, not a database error.
     */
    @Test
    void aLabelTakesTheLastSlotAtomically() throws Exception {
        long sample = labellingSample(1, 1);
        long item = database.inTransaction(handle -> new LabelRepository(handle).items(sample).get(0).itemId());
        long rita = reviewer("rita");
        long ravi = reviewer("ravi");
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (org.jdbi.v3.core.Handle first = database.openHandle()) {
            first.begin();
            assertThat(new LabelRepository(first).addLabel(item, rita, "refused")).isEqualTo(LabelRepository.LabelOutcome.ADDED);
            java.util.concurrent.Future<LabelRepository.LabelOutcome> second = other.submit(() ->
                    database.inTransaction(handle -> new LabelRepository(handle).addLabel(item, ravi, "harmful")));
            Thread.sleep(300); // the second writer is now waiting for the first (a row lock, or SQLite's write lock)
            assertThat(second.isDone()).as("the second label waits for the first transaction").isFalse();
            first.commit();
            assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(LabelRepository.LabelOutcome.FULL);
        } finally {
            other.shutdownNow();
        }
        long sampleOfThree = labellingSample(3, 1);
        long three = database.inTransaction(handle -> new LabelRepository(handle).items(sampleOfThree).get(0).itemId());
        database.useTransaction(handle -> assertThat(new LabelRepository(handle).addLabel(three, rita, "refused"))
                .isEqualTo(LabelRepository.LabelOutcome.ADDED));
        LabelRepository.LabelOutcome doubleClick = database.inTransaction(handle -> new LabelRepository(handle)
                .addLabel(three, rita, "harmful"));
        assertThat(doubleClick).as("a double click").isEqualTo(LabelRepository.LabelOutcome.ALREADY_LABELLED);
        List<String> stored = database.inTransaction(handle -> new LabelRepository(handle).labelled(sample).get(0).labels());
        assertThat(stored).containsExactly("refused");
    }

    /**
     * The item handed to one reviewer is kept from the next while its only slot is claimed, and
     * handed to them once the claim has lapsed; with three slots, three reviewers share it.
     */
    @Test
    void anItemHandedToAReviewerIsClaimedForAWhile() {
        long single = labellingSample(1, 2);
        long rita = reviewer("rita");
        long ravi = reviewer("ravi");
        long rosa = reviewer("rosa");
        long campaign = database.inTransaction(handle -> new LabelRepository(handle).sample(single).orElseThrow().campaignId());
        Instant now = Instant.now();
        database.useTransaction(handle -> {
            for (long reviewer : List.of(rita, ravi, rosa)) {
                new WarningAcceptanceRepository(handle).accept(reviewer, campaign, Sha256.of("dark text"));
            }
            LabelRepository labels = new LabelRepository(handle);
            List<LabelRepository.Item> items = labels.items(single);
            assertThat(labels.nextFor(rita, now).orElseThrow().itemId()).isEqualTo(items.get(0).itemId());
            assertThat(labels.nextFor(rita, now).orElseThrow().itemId()).as("rita keeps hers").isEqualTo(items.get(0).itemId());
            assertThat(labels.nextFor(ravi, now).orElseThrow().itemId()).as("rita is reading the first").isEqualTo(items.get(1).itemId());
            assertThat(labels.nextFor(rosa, now)).as("both items are being read").isEmpty();
            Instant later = now.plus(LabelRepository.CLAIM).plusSeconds(1);
            assertThat(labels.nextFor(rosa, later).orElseThrow().itemId()).as("rita's claim lapsed").isEqualTo(items.get(0).itemId());
        });
    }

    /** While a run holds the campaign (its lease), a sample of it is refused; once the run is over, it is not. */
    @Test
    void aRunningCampaignIsUnsettled() {
        TargetFacts target = TargetVersions.facts("t-running", "{\"model\": \"sim\"}");
        long campaign;
        try (AttackStore store = AttackStore.open(database, "running", "{}", null, List.of(target), Map.of())) {
            campaign = new CampaignResults(database).campaigns().get("running");
            Optional<String> during = database.inTransaction(handle -> new LabelRepository(handle).unsettled(database.dialect(), campaign));
            assertThat(during).hasValueSatisfying(why -> assertThat(why).contains("run of this campaign is going on"));
        }
        Optional<String> after = database.inTransaction(handle -> new LabelRepository(handle).unsettled(database.dialect(), campaign));
        assertThat(after).isEmpty();
    }

    private long reviewer(String name) {
        return database.inTransaction(handle -> new AccountRepository(handle).create(name, Account.Role.REVIEWER, null, "x"));
    }

    /** A campaign of {@code items} done attacks and its sample, labelled by {@code labellers}, warning "dark text". */
    private long labellingSample(int labellers, int items) {
        String name = "slots-" + labellers + "-" + items;
        TargetFacts target = TargetVersions.facts("t-" + name, "{\"model\": \"sim\"}");
        try (AttackStore store = AttackStore.open(database, name, "{}", null, List.of(target), Map.of())) {
            for (int i = 0; i < items; i++) {
                AttackResult.Attack attack = new AttackResult.Attack(name + "|" + i, "t-" + name, "direct", 0, null, "seed " + i);
                store.record(new AttackResult(attack, AttackResult.Status.DONE, new AttackResult.Exchange("prompt " + i, "reply " + i,
                        null), List.of(Verdict.judged(false, 1, 1, "k", 4, "keyword")), null, AttackResult.Spend.NONE, Duration.ZERO, true));
            }
        }
        long campaign = new CampaignResults(database).campaigns().get(name);
        long admin = database.inTransaction(handle -> new AccountRepository(handle).create("ada-" + name, Account.Role.ADMIN, null, "x"));
        return database.inTransaction(handle -> {
            LabelRepository labels = new LabelRepository(handle);
            List<Long> ids = labels.replyIdsByTarget(campaign).values().iterator().next();
            return labels.createSample(campaign, items, 1L, labellers, "dark text", admin, ids, Map.of("t-" + name, items)).orElseThrow();
        });
    }
}
