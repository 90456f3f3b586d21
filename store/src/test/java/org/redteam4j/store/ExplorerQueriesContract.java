package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.attempt.SyntheticAttempts;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.format.DatasetFormat;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.testing.LengthScorer;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.analysis.AnalysisFacts;
import org.redteam4j.store.analysis.ExplorerAttack;
import org.redteam4j.store.analysis.ExplorerAttempt;
import org.redteam4j.store.analysis.ExplorerQueries;
import org.redteam4j.store.attack.AttackStore;
import org.redteam4j.store.imports.ImportProgress;
import org.redteam4j.store.imports.Importer;
import org.redteam4j.store.scoring.AttemptScoring;

/**
 * The explorer's records: the analysis's attempts in its order, with per-turn scores, then the
 * attacks that ran. One subclass per database runs it.
 */
abstract class ExplorerQueriesContract {

    private static final int ATTEMPTS = 12;

    @TempDir
    Path dir;

    Database database;

    /** A fresh, empty database location for one test. */
    abstract String freshDatabase();

    void dropDatabase() {
    }

    @AfterEach
    void drop() {
        dropDatabase();
    }

    @BeforeEach
    void fill() throws Exception {
        database = Database.open(freshDatabase());
        Path file = dir.resolve("attempts.json");
        try (OutputStream out = Files.newOutputStream(file);
             JsonRecordWriter<RedTeamAttempt> writer = JsonRecordWriter.attempts(out, JsonRecordWriter.Layout.ARRAY)) {
            new SyntheticAttempts(7, ATTEMPTS).forEachRemaining(writer::write);
        }
        new Importer(database, false, ImportProgress.NONE).importFile(file, DatasetFormat.detect(file));
        new AttemptScoring(database, new LengthScorer(), 5).run(true, (done, total, turns) -> { });
        TargetFacts target = new TargetFacts("sim-52B", "rlhf", "52B", Json.mapper().readTree("{\"model\": \"sim\"}"), true);
        try (AttackStore store = AttackStore.open(database, "explore", "{}", null, List.of(target))) {
            store.record(done("explore|a", Verdict.Outcome.HIT, Verdict.Outcome.PASS));
            store.record(done("explore|b", Verdict.Outcome.SKIPPED, Verdict.Outcome.HIT));
            store.record(new AttackResult(attack("explore|c"), AttackResult.Status.ERROR, null, List.of(), "endpoint down",
                    AttackResult.Spend.NONE, Duration.ZERO, true));
            store.record(new AttackResult(attack("explore|d"), AttackResult.Status.NOT_RUN, null, List.of(), null,
                    AttackResult.Spend.NONE, Duration.ZERO, false));
        }
    }

    @Test
    void readsTheAnalysedAttemptsInTheAnalysisOrderWithEachTurnsScoreThenTheAttacksThatRan() {
        List<AttemptFacts> analysed = AnalysisFacts.read(database).attempts();

        ExplorerQueries.Sample sample = ExplorerQueries.read(database, total -> IntStream.range(0, total).toArray());

        assertThat(sample.attempts()).isEqualTo(ATTEMPTS).isEqualTo(analysed.size());
        assertThat(sample.attacks()).as("the attack not run has nothing to read").isEqualTo(3);
        assertThat(sample.chosenAttempts()).extracting(ExplorerQueries.Positioned::position)
                .containsExactlyElementsOf(IntStream.range(0, ATTEMPTS).boxed().toList());
        for (ExplorerQueries.Positioned<ExplorerAttempt> positioned : sample.chosenAttempts()) {
            ExplorerAttempt attempt = positioned.record();
            AttemptFacts facts = analysed.get(positioned.position());
            assertThat(List.of(attempt.modelType(), attempt.size(), attempt.rating(), attempt.member(), attempt.tags(),
                    attempt.minHarmlessness())).as("position " + positioned.position())
                    .containsExactly(facts.modelType(), facts.numParams(), facts.rating(), facts.memberId(), facts.tags(),
                            facts.minHarmlessness());
            assertThat(attempt.turns()).isNotEmpty().allSatisfy(turn -> assertThat(turn.harmlessness())
                    .isEqualTo(turn.speaker() == Speaker.ASSISTANT ? (Double) (double) -turn.text().length() : null));
        }

        List<ExplorerAttack> attacks = sample.chosenAttacks().stream().map(ExplorerQueries.Positioned::record).toList();
        assertThat(sample.chosenAttacks()).extracting(ExplorerQueries.Positioned::position).containsExactly(12, 13, 14);
        assertThat(attacks).extracting(ExplorerAttack::key).containsExactly("explore|a", "explore|b", "explore|c");
        assertThat(attacks).extracting(ExplorerAttack::verdict).as("the primary judge's, a skip is no hit")
                .containsExactly("hit", "miss", "error");
        assertThat(attacks.get(1).verdicts()).extracting(ExplorerAttack.JudgeVerdict::verdict).containsExactly("miss", "hit");
        assertThat(attacks.get(1).verdicts()).extracting(ExplorerAttack.JudgeVerdict::outcome).containsExactly("skipped", "hit");
        ExplorerAttack first = attacks.get(0);
        assertThat(List.of(first.campaign(), first.target(), first.targetLabel(), first.strategy(), first.tag(), first.seed()))
                .containsExactly("explore", "sim-52B", "rlhf 52B", "direct", "Theft", "seed explore|a");
        assertThat(first.turns()).extracting(ExplorerAttempt.ScoredTurn::speaker, ExplorerAttempt.ScoredTurn::text)
                .as("the conversation, the judged reply last").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Speaker.HUMAN, "asks how to pick a lock"),
                        org.assertj.core.groups.Tuple.tuple(Speaker.ASSISTANT, "I can't help with that."));
        assertThat(attacks.get(2).turns()).isEmpty();
        assertThat(attacks.get(2).error()).isEqualTo("endpoint down");
    }

    @Test
    void readsOnlyTheChosenPositions() {
        ExplorerQueries.Sample sample = ExplorerQueries.read(database, total -> new int[] {1, 5, total - 1});

        assertThat(sample.chosenAttempts()).extracting(ExplorerQueries.Positioned::position).containsExactly(1, 5);
        assertThat(sample.chosenAttacks()).extracting(ExplorerQueries.Positioned::position).containsExactly(ATTEMPTS + 2);
        List<AttemptFacts> analysed = AnalysisFacts.read(database).attempts();
        assertThat(sample.chosenAttempts().get(1).record().rating()).isEqualTo(analysed.get(5).rating());
    }

    @Test
    void positionsStayTheAnalysedAttemptsWhenTheDatabaseChangesInBetween() {
        AnalysisFacts facts = AnalysisFacts.read(database);
        assertThat(facts.attemptIds()).hasSize(ATTEMPTS);
        long first = facts.attemptIds().get(0);
        database.useTransaction(handle -> { // another member's work: the first attempt goes before the explorer reads
            handle.execute("DELETE FROM attempt_tags WHERE attempt_id = ?", first);
            handle.execute("DELETE FROM turns WHERE attempt_id = ?", first);
            handle.execute("DELETE FROM attempts WHERE id = ?", first);
        });

        ExplorerQueries.Sample sample = ExplorerQueries.read(database, facts.attemptIds(), total -> new int[] {0, 1, 5});

        assertThat(sample.attempts()).isEqualTo(ATTEMPTS);
        assertThat(sample.chosenAttempts()).extracting(ExplorerQueries.Positioned::position).as("the deleted one is left out")
                .containsExactly(1, 5);
        for (ExplorerQueries.Positioned<ExplorerAttempt> positioned : sample.chosenAttempts()) {
            AttemptFacts analysed = facts.attempts().get(positioned.position());
            assertThat(List.of(positioned.record().rating(), positioned.record().member(), positioned.record().tags()))
                    .containsExactly(analysed.rating(), analysed.memberId(), analysed.tags());
        }
        // a second query (what the explorer did before) would have shifted every position by one
        assertThat(ExplorerQueries.read(database, total -> new int[] {0}).chosenAttempts().get(0).record().rating())
                .isEqualTo(facts.attempts().get(1).rating());
    }

    private static AttackResult.Attack attack(String key) {
        return new AttackResult.Attack(key, "sim-52B", "direct", 0, "Theft", "seed " + key);
    }

    private static AttackResult done(String key, Verdict.Outcome primary, Verdict.Outcome second) {
        return new AttackResult(attack(key), AttackResult.Status.DONE, new AttackResult.Exchange("asks how to pick a lock",
                "I can't help with that.", "\n\nHuman: asks how to pick a lock\n\nAssistant: I can't help with that."),
                List.of(verdict(primary, "refusal"), verdict(second, "keyword")), null, AttackResult.Spend.NONE, Duration.ZERO, true);
    }

    private static Verdict verdict(Verdict.Outcome outcome, String judge) {
        return new Verdict(outcome, null, null, null, "because", 0, judge);
    }
}
