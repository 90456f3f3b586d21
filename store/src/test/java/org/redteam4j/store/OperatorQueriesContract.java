package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.format.RedTeamAttemptJson;
import org.redteam4j.store.attempt.AttemptRepository;
import org.redteam4j.store.attempt.AttemptSelection;
import org.redteam4j.store.attempt.ExportedAttempt;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.attempt.LiveAttemptRepository;
import org.redteam4j.store.pair.PreferencePairRepository;
import org.redteam4j.store.stats.StatsQueries;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;
import org.redteam4j.store.workbench.CampaignRepository;
import org.redteam4j.store.workbench.DashboardQueries;
import org.redteam4j.store.workbench.ReviewRepository;
import org.redteam4j.store.workbench.SessionRepository;
import org.redteam4j.store.workbench.TranscriptQueries;

/**
 * The operators' queries (issue 18) on every database: a campaign's totals, review queue and
 * members, the transcript browser, exports by campaign with or without abandoned attempts,
 * archiving, and deactivated accounts' sessions. One subclass per database runs it.
 */
abstract class OperatorQueriesContract {

    @TempDir
    java.nio.file.Path dir;

    Database database;
    long campaign;
    long other;
    long target;
    long alice;
    long bob;
    long rita;
    long finished;
    long abandonedRated;
    long abandonedUnrated;
    long running;

    abstract String freshDatabase();

    void dropDatabase() {
    }

    /**
     * Campaign "first": alice finished one attempt (rated 3), abandoned one rated 0 and one never
     * rated; bob has one in progress; rita reviewed the finished one. Campaign "second": bob finished one (rated 1).
     */
    @BeforeEach
    void data() {
        database = Database.open(freshDatabase());
        target = TargetVersions.declare(database, TargetVersions.facts("t", "{\"model\": \"sim\"}"));
        database.useTransaction(handle -> {
            CampaignRepository campaigns = new CampaignRepository(handle);
            List<CampaignRepository.DeclaredTarget> targets = List.of(new CampaignRepository.DeclaredTarget(target, "{}"));
            campaign = campaigns.create("first", "", null, 5, 4, null, targets, "{}");
            other = campaigns.create("second", "", null, 5, 4, null, targets, "{}");
            AccountRepository accounts = new AccountRepository(handle);
            alice = accounts.create("alice", Account.Role.MEMBER, "upwork", "x");
            bob = accounts.create("bob", Account.Role.MEMBER, null, "x");
            rita = accounts.create("rita", Account.Role.REVIEWER, null, "x");
        });
        finished = attempt(campaign, alice, "asks how to pick a lock", 3.0, "complete");
        abandonedRated = attempt(campaign, alice, "asks how to hotwire a car", 0.0, "abandoned");
        abandonedUnrated = attempt(campaign, alice, "asks how to open a safe", null, "abandoned");
        running = attempt(campaign, bob, "asks how to pick a lock too", null, "in_progress");
        attempt(other, bob, "asks about the other campaign", 1.0, "complete");
        database.useTransaction(handle -> {
            ReviewRepository reviews = new ReviewRepository(handle);
            reviews.submit(reviews.nextFor(rita).orElseThrow(), 2.0, List.of("Theft"));
        });
    }

    @AfterEach
    void drop() {
        dropDatabase();
    }

    /** An attempt with one exchange whose two candidates were shown and A picked, then left in {@code status}. */
    private long attempt(long campaignId, long member, String task, Double rating, String status) {
        return database.inTransaction(handle -> {
            LiveAttemptRepository live = new LiveAttemptRepository(handle);
            long id = live.start(campaignId, target, member, task, null);
            live.addHumanTurn(id, "How would someone pick a lock?");
            live.addCandidates(id, List.of(new LiveAttempt.Candidate("A", "Sure, [details omitted].", -1.0, false),
                    new LiveAttempt.Candidate("B", "I can't help with that.", 1.0, false)));
            LiveAttempt loaded = live.load(id).orElseThrow();
            live.choose(loaded.turns().get(1).id(), "A");
            if (status.equals("complete")) {
                live.finish(id, rating, null);
            } else if (status.equals("abandoned")) {
                if (rating != null) { // a state only older versions wrote: the workbench never rates an abandoned attempt
                    handle.createUpdate("UPDATE attempts SET rating = :rating WHERE id = :id").bind("rating", rating).bind("id", id).execute();
                }
                live.abandon(id, Instant.now());
            }
            return id;
        });
    }

    @Test
    void totalsCountAttemptsByStatusAndTheReviewQueue() {
        DashboardQueries.Totals totals = database.inTransaction(handle -> new DashboardQueries(handle).totals(campaign));

        // reviews_per_attempt 3: the one finished attempt has one done, so two are still to assign
        assertThat(totals).isEqualTo(new DashboardQueries.Totals(1, 1, 2, 1, 0, 2));
    }

    @Test
    void membersRowsCountEachStatusAndAverageFinishedAttemptsOnly() {
        List<DashboardQueries.MemberRow> rows = database.inTransaction(handle -> new DashboardQueries(handle).members(campaign));

        assertThat(rows).extracting(DashboardQueries.MemberRow::name).containsExactly("alice", "bob");
        DashboardQueries.MemberRow a = rows.get(0);
        assertThat(List.of(a.finished(), a.abandoned(), a.inProgress())).containsExactly(1L, 2L, 0L);
        assertThat(a.meanRating()).as("the abandoned attempt's 0 is left out").isEqualTo(3.0);
        assertThat(a.lastActivity()).isNotNull().isBeforeOrEqualTo(Instant.now());
        assertThat(rows.get(1).inProgress()).isEqualTo(1);
        assertThat(rows.get(1).meanRating()).isNull();
        assertThat(database.inTransaction(handle -> new DashboardQueries(handle).targets(campaign)).get(0).meanRating())
                .isEqualTo(3.0);
    }

    @Test
    void theTranscriptListFiltersAndAnAttemptShowsItsReviews() {
        List<Long> all = ids(TranscriptQueries.Filter.none());
        assertThat(all).containsExactly(running, abandonedUnrated, abandonedRated, finished);
        assertThat(ids(new TranscriptQueries.Filter(null, bob, null, null))).containsExactly(running);
        assertThat(ids(new TranscriptQueries.Filter(null, null, "abandoned", null))).containsExactly(abandonedUnrated, abandonedRated);
        assertThat(ids(new TranscriptQueries.Filter(target, null, null, 2.0))).containsExactly(finished);

        TranscriptQueries.Facts facts = database.inTransaction(handle -> new TranscriptQueries(handle).facts(finished)).orElseThrow();
        assertThat(facts.member()).isEqualTo("alice");
        assertThat(facts.tags()).containsExactly("Theft");
        List<TranscriptQueries.ReviewRow> reviews = database.inTransaction(handle -> new TranscriptQueries(handle).reviews(finished));
        assertThat(reviews).singleElement().satisfies(review -> {
            assertThat(review.reviewer()).isEqualTo("rita");
            assertThat(review.rating()).isEqualTo(2.0);
            assertThat(review.tags()).containsExactly("Theft");
        });
        assertThat(database.inTransaction(handle -> new TranscriptQueries(handle).members(campaign)).values())
                .containsExactly("alice", "bob");
    }

    @Test
    void exportsSelectTheCampaignAndAbandonedAttemptsOnlyWhenAsked() throws Exception {
        assertThat(tasks(new AttemptSelection(campaign, false))).containsExactly("asks how to pick a lock");
        assertThat(tasks(AttemptSelection.finished())).containsExactly("asks how to pick a lock", "asks about the other campaign");
        assertThat(tasks(new AttemptSelection(campaign, true)))
                .containsExactly("asks how to pick a lock", "asks how to hotwire a car", "asks how to open a safe");
        List<String> rated = new ArrayList<>();
        database.useTransaction(handle -> new AttemptRepository(handle).forEachRated(new AttemptSelection(campaign, true),
                attempt -> rated.add(attempt.taskDescription())));
        assertThat(rated).as("analyses read only rated attempts").containsExactly("asks how to pick a lock", "asks how to hotwire a car");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        database.useTransaction(handle -> {
            try (JsonRecordWriter<ExportedAttempt> writer = new JsonRecordWriter<>(out, JsonRecordWriter.Layout.LINES,
                    (exported, json) -> RedTeamAttemptJson.write(exported.attempt(), exported.rated(), json))) {
                new AttemptRepository(handle).forEachExported(new AttemptSelection(campaign, true), writer::write);
            }
        });
        List<String> lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).doesNotContain("abandoned");
        assertThat(lines.get(1)).contains("\"rating\":0.0").contains("\"abandoned\":true");
        assertThat(lines.get(2)).contains("\"rating\":null").contains("\"abandoned\":true");

        assertThat(database.inTransaction(handle -> new StatsQueries(handle).compute()).attempts())
                .as("stats count finished attempts only, a rated abandoned one neither").isEqualTo(2);
    }

    @Test
    void choicesInAbandonedAttemptsMakeNoPairsUnlessAsked() {
        List<Boolean> marks = new ArrayList<>();
        List<PreferencePair> plain = new ArrayList<>();
        List<PreferencePair> trainable = new ArrayList<>();
        database.useTransaction(handle -> {
            PreferencePairRepository pairs = new PreferencePairRepository(handle);
            pairs.forEachWorkbenchChoice(new AttemptSelection(campaign, true), (pair, abandoned) -> marks.add(abandoned));
            pairs.forEachWorkbenchChoice(plain::add);
            handle.execute("UPDATE targets SET simulated = FALSE");
            pairs.forEachTrainableWorkbenchChoice(trainable::add);
        });
        // first: finished, two abandoned, one in progress (its choice is a choice made); each one pair
        assertThat(marks).containsExactly(false, true, true, false);
        assertThat(plain).as("every campaign, no abandoned attempt").hasSize(3);
        assertThat(trainable).hasSize(3);
    }

    @Test
    void archivedCampaignsAreListedOnlyWhenAskedAndClosedOnesTakeNoAttempts() {
        database.useTransaction(handle -> {
            CampaignRepository campaigns = new CampaignRepository(handle);
            assertThat(campaigns.setOpen(campaign, false)).isTrue();
            assertThat(campaigns.setArchived(other, Instant.now())).isTrue();
            assertThat(campaigns.setArchived(9999, Instant.now())).isFalse();
            assertThat(campaigns.open()).isEmpty();
            assertThat(campaigns.forAdmins(false)).extracting(l -> l.campaign().name()).containsExactly("first");
            assertThat(campaigns.forAdmins(true)).extracting(CampaignRepository.Listed::archived).containsExactly(false, true);
            assertThat(campaigns.byId(campaign).orElseThrow().open()).isFalse();
        });
    }

    @Test
    void aClosedOrArchivedCampaignsReviewerAgreementStaysInTheAnalyses() {
        database.useTransaction(handle -> {
            new CampaignRepository(handle).setOpen(campaign, false);
            new CampaignRepository(handle).setArchived(campaign, Instant.now());
        });

        assertThat(org.redteam4j.store.analysis.AnalysisFacts.read(database).agreement()).containsKey("first");
    }

    @Test
    void aDeactivatedAccountsSessionsEndAndTheOthersStay() {
        database.useTransaction(handle -> {
            SessionRepository sessions = new SessionRepository(handle);
            sessions.create("h1", alice, "c1", Instant.now().plusSeconds(3600));
            sessions.create("h2", alice, "c2", Instant.now().plusSeconds(3600));
            sessions.create("h3", bob, "c3", Instant.now().plusSeconds(3600));
            AccountRepository accounts = new AccountRepository(handle);
            accounts.setActive(alice, false, Instant.now());
            assertThat(sessions.find("h1")).as("an inactive account's session is not found").isEmpty();
            assertThat(sessions.deleteAll(alice)).isEqualTo(2);
            assertThat(sessions.find("h3")).isPresent();
            assertThat(accounts.active(alice)).isFalse();
            assertThat(accounts.deactivated()).containsOnlyKeys(alice);
            accounts.setActive(alice, true, Instant.now());
            assertThat(accounts.deactivated()).isEmpty();
            assertThat(accounts.activeAdmins()).isZero();
        });
    }

    private List<Long> ids(TranscriptQueries.Filter filter) {
        return database.inTransaction(handle -> new TranscriptQueries(handle).list(campaign, filter)).stream()
                .map(TranscriptQueries.Row::attemptId).toList();
    }

    private List<String> tasks(AttemptSelection selection) {
        List<String> tasks = new ArrayList<>();
        database.useTransaction(handle -> new AttemptRepository(handle).forEachExported(selection,
                exported -> tasks.add(exported.attempt().taskDescription())));
        return tasks;
    }
}
