package org.redteam4j.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.Environment;
import org.redteam4j.core.testing.LengthScorer;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;

/**
 * The well-being and nothing-lost rules of the workbench's services: opting out stops every task
 * call, each campaign's warning is accepted per campaign (again once changed), a choice made twice
 * is the same choice, one send per attempt, a cancelled draw is discarded, abandoning, and the cap
 * known before writing.
 */
class WellbeingTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String SIM = "targets:\n  - {name: sim-plain, model: sim, intervention: plain}\n";
    /** A simulated target that takes a second per reply: long enough to overlap a second request or a cancel. */
    private static final String SLOW = "targets:\n  - {name: sim-slow, model: sim, intervention: plain, sim: {latency_ms: 1000}}\n";

    @TempDir
    Path dir;

    Database database;
    Workbench workbench;
    Principal admin;
    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("wellbeing.db").toString());
        workbench = new Workbench(database,
                Environment.fromSystem().withPreferenceModel(LengthScorer::new), Clock.systemUTC());
        workbench.accounts().createAdmin("admin", PASSWORD);
        admin = signIn("admin");
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        workbench.close();
    }

    @Test
    void optingOutStopsEveryTaskAndReviewCallUntilOptingBackIn() {
        long campaign = campaign(SIM, null, null);
        Principal alice = member("alice");
        long attempt = workbench.task().start(alice, campaign, "plan");
        workbench.task().send(alice, attempt, "hello");
        Principal rita = reviewer("rita");
        workbench.campaigns().setOptedOut(alice, true);
        workbench.campaigns().setOptedOut(rita, true);
        Principal out = signIn("alice");
        Principal ritaOut = signIn("rita");
        Campaign c = workbench.campaigns().byId(campaign);

        List<Runnable> calls = List.of(
                () -> workbench.task().start(out, campaign, "another"),
                () -> workbench.task().attempt(out, attempt),
                () -> workbench.task().send(out, attempt, "again"),
                () -> workbench.task().choose(out, attempt, "A"),
                () -> workbench.task().finish(out, attempt, 2),
                () -> workbench.task().attemptsLeftToday(out, c),
                () -> workbench.campaigns().open(out),
                () -> workbench.reviews().next(ritaOut),
                () -> workbench.reviews().submit(ritaOut, 1, 2, List.of()));
        for (Runnable call : calls) {
            assertKind(call, WorkbenchFailure.Kind.CONFLICT, "you have opted out");
        }

        workbench.campaigns().setOptedOut(out, false);
        assertThat(workbench.task().choose(signIn("alice"), attempt, "A").awaitingChoice()).isFalse();
    }

    @Test
    void stoppingIsAllowedAfterOptingOut() {
        long campaign = campaign(SIM, null, null);
        Principal alice = member("alice");
        long attempt = workbench.task().start(alice, campaign, "plan");
        workbench.campaigns().setOptedOut(alice, true);
        Principal out = signIn("alice");

        assertThat(workbench.task().cancel(out, attempt)).isEqualTo(RedTeamTask.Cancelled.NONE);
        workbench.task().abandon(out, attempt);

        workbench.campaigns().setOptedOut(out, false);
        assertThat(workbench.task().attempt(signIn("alice"), attempt).status()).isEqualTo("abandoned");
    }

    @Test
    void optingOutOrBeingDeactivatedGivesBackTheReviewsNotYetDone() {
        long campaign = campaign(SIM, "Disturbing text", null);
        Principal alice = accepted(member("alice"), campaign);
        for (int i = 0; i < 2; i++) {
            long attempt = workbench.task().start(alice, campaign, "plan " + i);
            workbench.task().send(alice, attempt, "hello");
            workbench.task().choose(alice, attempt, "A");
            workbench.task().finish(alice, attempt, 3);
        }
        Principal rita = reviewer("rita");
        Principal ravi = reviewer("ravi");
        workbench.reviews().next(rita).orElseThrow(); // assigned before the warning is accepted
        workbench.reviews().next(ravi).orElseThrow();
        assertThat(assignedTo(rita)).isEqualTo(1);

        workbench.campaigns().setOptedOut(rita, true);
        workbench.accounts().deactivate(admin, ravi.id());

        assertThat(assignedTo(rita)).isZero();
        assertThat(assignedTo(ravi)).isZero();
        workbench.campaigns().setOptedOut(signIn("rita"), false);
        assertThat(workbench.reviews().next(signIn("rita"))).as("the queue has them again").isPresent();
    }

    @Test
    void finishingWhileAReplyIsDrawnIsRefusedAndAbandoningThenStoresNothing() throws Exception {
        Principal alice = member("alice");
        long attempt = workbench.task().start(alice, campaign(SLOW, null, null), "plan");
        workbench.task().send(alice, attempt, "first");
        workbench.task().choose(alice, attempt, "A");

        Future<LiveAttempt> send = threads.submit(() -> workbench.task().send(alice, attempt, "second"));
        awaitDrawing(alice, attempt);
        assertKind(() -> workbench.task().finish(alice, attempt, 2), WorkbenchFailure.Kind.CONFLICT, "a reply is being drawn");
        workbench.task().abandon(alice, attempt);

        assertThatThrownBy(send::get).hasCauseInstanceOf(WorkbenchFailure.class);
        LiveAttempt abandoned = workbench.task().attempt(alice, attempt);
        assertThat(abandoned.status()).isEqualTo("abandoned");
        assertThat(abandoned.turns()).as("the first exchange only: no message or empty reply after the abandon").hasSize(2);
    }

    @Test
    void aCancelSaysWhetherItDiscardedTheDrawOrThereWasNone() throws Exception {
        Principal alice = member("alice");
        long attempt = workbench.task().start(alice, campaign(SLOW, null, null), "plan");
        assertThat(workbench.task().cancel(alice, attempt)).isEqualTo(RedTeamTask.Cancelled.NONE);

        Future<LiveAttempt> send = threads.submit(() -> workbench.task().send(alice, attempt, "never mind"));
        awaitDrawing(alice, attempt);

        assertThat(workbench.task().cancel(alice, attempt)).isEqualTo(RedTeamTask.Cancelled.DISCARDED);
        assertThatThrownBy(send::get).hasCauseInstanceOf(WorkbenchFailure.class).hasMessageContaining("cancelled");
        assertThat(workbench.task().cancel(alice, attempt)).as("once the send ended").isEqualTo(RedTeamTask.Cancelled.NONE);
    }

    /**
     * Waits until a send of this attempt is drawing: a finish is refused for that first, before its
     * other checks (the rating off the scale makes sure no probe finishes the attempt).
     */
    private void awaitDrawing(Principal member, long attempt) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                workbench.task().finish(member, attempt, 9);
            } catch (WorkbenchFailure e) {
                if (e.getMessage().contains("a reply is being drawn")) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no draw started within 5 s");
    }

    private long assignedTo(Principal reviewer) {
        return database.inTransaction(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM reviews WHERE reviewer_id = :reviewer AND status = 'assigned'")
                .bind("reviewer", reviewer.id()).mapTo(Long.class).one());
    }

    @Test
    void eachCampaignsWarningIsAcceptedForThatCampaignAndAgainWhenAnAdminChangesIt() {
        long first = campaign(SIM, "GRAPHIC: violence", null);
        long second = campaign(SIM, "GRAPHIC: self-harm", null);
        Principal alice = member("alice");

        assertKind(() -> workbench.task().start(alice, first, "plan"), WorkbenchFailure.Kind.CONFLICT, "content warning");
        workbench.wellbeing().acceptWarning(alice, first, Wellbeing.warningSha256(workbench.campaigns().byId(first)).orElseThrow());
        long attempt = workbench.task().start(alice, first, "plan");
        assertKind(() -> workbench.task().start(alice, second, "plan"), WorkbenchFailure.Kind.CONFLICT,
                "content warning of '" + workbench.campaigns().byId(second).name() + "'");

        String shownBefore = Wellbeing.warningSha256(workbench.campaigns().byId(first)).orElseThrow();
        workbench.campaigns().updateWarning(admin, first, "GRAPHIC: violence and abuse");
        workbench.task().abandon(alice, attempt);
        assertKind(() -> workbench.task().start(alice, first, "plan"), WorkbenchFailure.Kind.CONFLICT, "content warning");
        assertKind(() -> workbench.wellbeing().acceptWarning(alice, first, shownBefore), WorkbenchFailure.Kind.CONFLICT,
                "changed since the page was loaded");
        workbench.wellbeing().acceptWarning(alice, first, null);
        assertThat(workbench.task().start(alice, first, "plan")).isNotEqualTo(attempt);
        assertKind(() -> workbench.campaigns().updateWarning(alice, first, "x"), WorkbenchFailure.Kind.FORBIDDEN, "not allowed");
    }

    @Test
    void reviewersAcceptTheCampaignsWarningBeforeTheirFirstReviewOfIt() {
        long campaign = campaign(SIM, "Disturbing text", null);
        Principal alice = accepted(member("alice"), campaign);
        long attempt = workbench.task().start(alice, campaign, "plan");
        workbench.task().send(alice, attempt, "hello");
        workbench.task().choose(alice, attempt, "B");
        workbench.task().finish(alice, attempt, 3);
        Principal rita = reviewer("rita");

        ReviewTask task = workbench.reviews().next(rita).orElseThrow();
        assertThat(task.warningAccepted()).isFalse();
        assertKind(() -> workbench.reviews().submit(rita, task.reviewId(), 2, List.of()), WorkbenchFailure.Kind.CONFLICT,
                "content warning");
        workbench.wellbeing().acceptWarning(rita, campaign, null);
        assertThat(workbench.reviews().next(rita).orElseThrow().warningAccepted()).isTrue();
        workbench.reviews().submit(rita, task.reviewId(), 2, List.of());
    }

    @Test
    void choosingTheLabelAlreadyPickedAgainReturnsTheSameStateAndTheOtherIsRefused() {
        Principal alice = member("alice");
        long attempt = workbench.task().start(alice, campaign(SIM, null, null), "plan");
        workbench.task().send(alice, attempt, "hello");

        LiveAttempt once = workbench.task().choose(alice, attempt, "A");
        LiveAttempt twice = workbench.task().choose(alice, attempt, "A");

        assertThat(twice).isEqualTo(once);
        assertKind(() -> workbench.task().choose(alice, attempt, "B"), WorkbenchFailure.Kind.CONFLICT, "nothing to choose");
    }

    @Test
    void aSecondSendWhileTheFirstIsDrawingIsRefused() throws Exception {
        Principal alice = member("alice");
        long attempt = workbench.task().start(alice, campaign(SLOW, null, null), "plan");

        Future<LiveAttempt> one = threads.submit(() -> workbench.task().send(alice, attempt, "first"));
        Future<LiveAttempt> two = threads.submit(() -> workbench.task().send(alice, attempt, "second"));

        int refused = 0;
        for (Future<LiveAttempt> send : List.of(one, two)) {
            try {
                assertThat(send.get().awaitingChoice()).isTrue();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(WorkbenchFailure.class).hasMessageContaining("a reply is already being drawn");
                refused++;
            }
        }
        assertThat(refused).isEqualTo(1);
        assertThat(workbench.task().attempt(alice, attempt).turns()).hasSize(2); // one message, one pending reply
    }

    @Test
    void aCancelledDrawIsDiscardedAndTheMessageIsNotStored() throws Exception {
        Principal alice = member("alice");
        long attempt = workbench.task().start(alice, campaign(SLOW, null, null), "plan");
        assertThat(workbench.task().cancel(alice, attempt)).as("nothing drawing yet").isEqualTo(RedTeamTask.Cancelled.NONE);

        Future<LiveAttempt> send = threads.submit(() -> workbench.task().send(alice, attempt, "never mind"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        boolean cancelled = false;
        while (!cancelled && System.nanoTime() < deadline) {
            cancelled = workbench.task().cancel(alice, attempt) == RedTeamTask.Cancelled.DISCARDED;
            Thread.sleep(5);
        }

        assertThat(cancelled).isTrue();
        assertThatThrownBy(send::get).hasCauseInstanceOf(WorkbenchFailure.class).hasMessageContaining("cancelled");
        assertThat(workbench.task().attempt(alice, attempt).turns()).isEmpty();
        assertThat(workbench.task().send(alice, attempt, "again").awaitingChoice()).isTrue();
    }

    @Test
    void anAttemptWhoseFirstModelCallFailedCanBeAbandonedAndDoesNotCountTowardsTheCap() throws Exception {
        try (LoopbackServer model = new LoopbackServer()) {
            model.then(Script.status(400, "{\"error\": \"bad request\"}"));
            String failing = "targets:\n  - name: failing\n    model: openai:m\n    base_url: " + model.url("/v1") + "\n";
            long capped = campaign(failing, null, 1);
            Principal alice = member("alice");
            assertThat(workbench.task().attemptsLeftToday(alice, workbench.campaigns().byId(capped))).hasValue(1);
            long attempt = workbench.task().start(alice, capped, "plan");
            assertThatThrownBy(() -> workbench.task().send(alice, attempt, "hello")).isInstanceOf(TargetUnavailable.class);

            workbench.task().abandon(alice, attempt);

            assertThat(workbench.task().attempt(alice, attempt).status()).isEqualTo("abandoned");
            assertThat(workbench.task().inProgress(alice, capped)).isEmpty();
            assertThat(workbench.task().attemptsLeftToday(alice, workbench.campaigns().byId(capped))).hasValue(1);
            assertKind(() -> workbench.task().abandon(alice, attempt), WorkbenchFailure.Kind.CONFLICT, "finished");
            assertThat(workbench.task().start(alice, capped, "a new plan")).isNotEqualTo(attempt);
            assertThat(workbench.task().attemptsLeftToday(alice, workbench.campaigns().byId(capped))).hasValue(0);
        }
    }

    @Test
    void anAbandonedAttemptThatShowedRepliesCountsTowardsTheCap() {
        long capped = campaign(SIM, null, 2);
        Principal alice = member("alice");
        long attempt = workbench.task().start(alice, capped, "plan");
        workbench.task().send(alice, attempt, "hello");

        workbench.task().abandon(alice, attempt); // with a choice pending

        assertThat(workbench.task().attemptsLeftToday(alice, workbench.campaigns().byId(capped))).hasValue(1);
        assertThat(workbench.task().attemptsLeftToday(alice, workbench.campaigns().byId(campaign(SIM, null, null)))).isEmpty();
    }

    private long campaign(String targets, String warning, Integer dailyCap) {
        return workbench.campaigns().create(admin, "c" + System.nanoTime(), "Try.", warning, 5, 4, dailyCap, targets);
    }

    private Principal accepted(Principal member, long campaign) {
        workbench.wellbeing().acceptWarning(member, campaign, null);
        return member;
    }

    private Principal member(String name) {
        String invite = workbench.accounts().invite(admin, Account.Role.MEMBER, "upwork");
        workbench.accounts().acceptInvite(invite, name, PASSWORD);
        workbench.campaigns().acknowledgeWarning(signIn(name));
        return signIn(name);
    }

    private Principal reviewer(String name) {
        String invite = workbench.accounts().invite(admin, Account.Role.REVIEWER, "upwork");
        workbench.accounts().acceptInvite(invite, name, PASSWORD);
        return signIn(name);
    }

    private Principal signIn(String name) {
        return workbench.sessions().authenticate(workbench.sessions().login(name, PASSWORD, "127.0.0.1")).orElseThrow();
    }

    private static void assertKind(Runnable action, WorkbenchFailure.Kind kind, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(WorkbenchFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(kind)).hasMessageContaining(message);
    }
}
