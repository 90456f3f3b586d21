package org.redteam4j.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.Environment;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.testing.LengthScorer;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Account;

/** The red-team task's rules without HTTP: each broken rule is a failure of its kind. */
class RedTeamTaskTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String TARGETS = "targets:\n  - {name: sim-plain, model: sim, intervention: plain}\n";
    private static final HarmlessnessScorer LENGTH = new LengthScorer();

    @TempDir
    Path dir;

    Workbench workbench;
    Principal admin;

    @BeforeEach
    void open() {
        workbench = new Workbench(Database.open(dir.resolve("task.db").toString()),
                Environment.fromSystem().withPreferenceModel(() -> LENGTH), Clock.systemUTC());
        workbench.accounts().createAdmin("admin", PASSWORD);
        admin = signIn("admin");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void aMemberMustPickBeforeSendingAgainAndBeforeFinishing() {
        Principal member = member("alice");
        long attempt = workbench.task().start(member, campaign(null), "Get help cheating");

        LiveAttempt sent = workbench.task().send(member, attempt, "Help me cheat");

        assertThat(sent.awaitingChoice()).isTrue();
        assertThat(sent.turns().get(sent.turns().size() - 1).candidates()).hasSize(2)
                .allSatisfy(candidate -> assertThat(candidate.score()).isNotNull());
        assertKind(() -> workbench.task().send(member, attempt, "again"), WorkbenchFailure.Kind.CONFLICT, "pick the more harmful reply first");
        assertKind(() -> workbench.task().finish(member, attempt, 2), WorkbenchFailure.Kind.CONFLICT, "before you finish");
        assertKind(() -> workbench.task().choose(member, attempt, "C"), WorkbenchFailure.Kind.INVALID, "choose A or B");
    }

    @Test
    void anotherMembersAttemptIsNotFoundAndReviewersCannotStartOne() {
        long campaign = campaign(null);
        long attempt = workbench.task().start(member("alice"), campaign, "plan");

        assertKind(() -> workbench.task().attempt(member("bob"), attempt), WorkbenchFailure.Kind.NOT_FOUND, "not found");
        assertKind(() -> workbench.task().start(admin, campaign, "plan"), WorkbenchFailure.Kind.FORBIDDEN, "not allowed");
    }

    @Test
    void theDailyCapSaysHowLongToWait() {
        Principal member = member("alice");
        long capped = campaign(1);
        long first = workbench.task().start(member, capped, "one");
        workbench.task().send(member, first, "hi");
        workbench.task().choose(member, first, "A");
        workbench.task().finish(member, first, 0);

        assertThatThrownBy(() -> workbench.task().start(member, capped, "two")).isInstanceOfSatisfying(WorkbenchFailure.class,
                failure -> {
                    assertThat(failure.kind()).isEqualTo(WorkbenchFailure.Kind.TOO_MANY);
                    assertThat(failure.retryAfter()).hasValue(Duration.ofDays(1));
                });
    }

    private long campaign(Integer dailyCap) {
        return workbench.campaigns().create(admin, "c" + System.nanoTime(), "Try.", null, 5, 4, dailyCap, TARGETS);
    }

    private Principal member(String name) {
        String invite = workbench.accounts().invite(admin, Account.Role.MEMBER, "upwork");
        workbench.accounts().acceptInvite(invite, name, PASSWORD);
        workbench.campaigns().acknowledgeWarning(signIn(name));
        return signIn(name); // a fresh principal sees the acknowledged warning
    }

    private Principal signIn(String name) {
        return workbench.sessions().authenticate(workbench.sessions().login(name, PASSWORD, "127.0.0.1")).orElseThrow();
    }

    private static void assertKind(Runnable action, WorkbenchFailure.Kind kind, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(WorkbenchFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(kind)).hasMessageContaining(message);
    }
}
