package org.redteam4j.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.Environment;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.testing.LengthScorer;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.DashboardQueries;

/**
 * Issue 15: a new campaign declaring {@code shared-t} with another model rewrote the stored
 * target, so after a restart an older campaign's attempt in progress talked to the new model.
 * Two loopback OpenAI-compatible servers play the two models.
 */
@Tag("reliability")
class TargetVersionsTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final HarmlessnessScorer LENGTH = new LengthScorer();

    @TempDir
    Path dir;

    LoopbackServer modelA;
    LoopbackServer modelB;

    @BeforeEach
    void startModels() throws Exception {
        modelA = new LoopbackServer().then(Script.json(reply("I am model A")));
        modelB = new LoopbackServer().then(Script.json(reply("I am model B")));
    }

    @AfterEach
    void stopModels() {
        modelA.close();
        modelB.close();
    }

    @Test
    void anAttemptKeepsItsCampaignsModelWhenANewCampaignRedeclaresTheNameAndAfterARestart() {
        String db = dir.resolve("workbench.db").toString();
        long first;
        long second;
        long attempt;
        String adminSession;
        String aliceSession;
        try (Workbench workbench = open(db)) {
            workbench.accounts().createAdmin("admin", PASSWORD);
            adminSession = workbench.sessions().login("admin", PASSWORD, "127.0.0.1");
            Principal admin = session(workbench, adminSession);
            first = campaign(workbench, admin, "first", "openai:model-a", modelA);
            aliceSession = member(workbench, admin, "alice");
            Principal alice = session(workbench, aliceSession);
            attempt = workbench.task().start(alice, first, "See what the model says");
            assertThat(lastReplies(workbench.task().send(alice, attempt, "hello"))).containsOnly("I am model A");
            workbench.task().choose(alice, attempt, "A");

            second = campaign(workbench, admin, "second", "openai:model-b", modelB);

            Principal bob = session(workbench, member(workbench, admin, "bob"));
            long other = workbench.task().start(bob, second, "Same plan, other campaign");
            assertThat(lastReplies(workbench.task().send(bob, other, "hello"))).containsOnly("I am model B");
            assertThat(lastReplies(workbench.task().send(alice, attempt, "and now?"))).containsOnly("I am model A");
            workbench.task().choose(alice, attempt, "B");
        }
        int beforeRestart = modelB.received().size();

        try (Workbench restarted = open(db)) {
            Principal alice = session(restarted, aliceSession);
            assertThat(lastReplies(restarted.task().send(alice, attempt, "after the restart")))
                    .as("the first campaign's attempt still reaches the model it declared").containsOnly("I am model A");
            assertThat(modelB.received()).hasSize(beforeRestart);
            assertThat(modelA.received()).allSatisfy(request -> assertThat(request.json().get("model").asText()).isEqualTo("model-a"));

            Principal admin = session(restarted, adminSession);
            assertThat(targetNames(restarted, admin, first)).containsExactly("shared-t");
            assertThat(targetNames(restarted, admin, second)).containsExactly("shared-t v2");
        }
    }

    private static Workbench open(String db) {
        return new Workbench(Database.open(db), Environment.fromSystem().withPreferenceModel(() -> LENGTH), Clock.systemUTC());
    }

    private static long campaign(Workbench workbench, Principal admin, String name, String model, LoopbackServer server) {
        String targets = "targets:\n  - name: shared-t\n    model: " + model + "\n    base_url: " + server.url("/v1") + "\n";
        return workbench.campaigns().create(admin, name, "Try.", null, 5, 4, null, targets);
    }

    /** A new member who accepted the content warning; returns their session token. */
    private static String member(Workbench workbench, Principal admin, String name) {
        String invite = workbench.accounts().invite(admin, Account.Role.MEMBER, "upwork");
        workbench.accounts().acceptInvite(invite, name, PASSWORD);
        String token = workbench.sessions().login(name, PASSWORD, "127.0.0.1");
        workbench.campaigns().acknowledgeWarning(session(workbench, token));
        return token;
    }

    /** The principal of a session (read afresh, so it sees an acknowledged warning; sessions outlive a restart). */
    private static Principal session(Workbench workbench, String token) {
        return workbench.sessions().authenticate(token).orElseThrow();
    }

    private static List<String> lastReplies(LiveAttempt attempt) {
        return attempt.turns().get(attempt.turns().size() - 1).candidates().stream().map(LiveAttempt.Candidate::text).toList();
    }

    private static List<String> targetNames(Workbench workbench, Principal admin, long campaign) {
        return workbench.dashboards().of(admin, campaign).targets().stream().map(DashboardQueries.TargetRow::spec).toList();
    }

    private static String reply(String text) {
        return "{\"choices\": [{\"message\": {\"content\": \"" + text + "\"}}, {\"message\": {\"content\": \"" + text + "\"}}]}";
    }
}
