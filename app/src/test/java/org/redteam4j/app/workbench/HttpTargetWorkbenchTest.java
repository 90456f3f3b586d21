package org.redteam4j.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * README, "Applications over HTTP": a member red-teams a {@code model: http} application in the
 * workbench; the candidate they choose is the conversation whose session goes on.
 */
class HttpTargetWorkbenchTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final HarmlessnessScorer LENGTH = new LengthScorer();

    @TempDir
    Path dir;

    @Test
    void theChosenCandidatesSessionContinuesAndTheOtherIsReplayed() throws Exception {
        Map<String, List<String>> sessions = new ConcurrentHashMap<>();
        AtomicInteger made = new AtomicInteger();
        try (LoopbackServer app = new LoopbackServer()) {
            app.answering(request -> {
                String session = request.json().get("session").asText();
                if (!sessions.containsKey(session)) {
                    session = "srv-" + made.incrementAndGet();
                    sessions.put(session, new CopyOnWriteArrayList<>());
                }
                sessions.get(session).add(request.json().get("message").asText());
                return Script.json("{\"answer\": \"" + session + " turn " + sessions.get(session).size()
                        + "\", \"session_id\": \"" + session + "\"}");
            });
            String targets = """
                    targets:
                      - name: support-bot
                        model: http
                        http:
                          url: URL
                          body: '{"session": "{{session}}", "message": {{prompt|json}}}'
                          reply: $.answer
                          session: {from: $.session_id}
                    """.replace("URL", app.url("/api/chat").toString());
            try (Workbench workbench = new Workbench(Database.open(dir.resolve("w.db").toString()),
                    Environment.fromSystem().withPreferenceModel(() -> LENGTH), Clock.systemUTC())) {
                workbench.accounts().createAdmin("admin", PASSWORD);
                Principal admin = workbench.sessions().authenticate(
                        workbench.sessions().login("admin", PASSWORD, "127.0.0.1")).orElseThrow();
                long campaign = workbench.campaigns().create(admin, "bot", "Try.", null, 5, 4, null, targets);
                String invite = workbench.accounts().invite(admin, Account.Role.MEMBER, "upwork");
                workbench.accounts().acceptInvite(invite, "alice", PASSWORD);
                String token = workbench.sessions().login("alice", PASSWORD, "127.0.0.1");
                workbench.campaigns().acknowledgeWarning(workbench.sessions().authenticate(token).orElseThrow());
                Principal alice = workbench.sessions().authenticate(token).orElseThrow();

                long attempt = workbench.task().start(alice, campaign, "Get the bot to leak an account");
                List<String> first = lastReplies(workbench.task().send(alice, attempt, "hello"));
                workbench.task().choose(alice, attempt, "A");
                List<String> second = lastReplies(workbench.task().send(alice, attempt, "and now?"));

                String chosen = first.get(0).substring(0, first.get(0).indexOf(' '));
                assertThat(first).hasSize(2).allMatch(text -> text.endsWith(" turn 1"));
                assertThat(second).hasSize(2).contains(chosen + " turn 2");
                assertThat(sessions.get(chosen)).containsExactly("hello", "and now?");
                assertThat(sessions.values()).allSatisfy(heard -> assertThat(heard.get(0)).isEqualTo("hello"));
            }
        }
    }

    private static List<String> lastReplies(LiveAttempt attempt) {
        return attempt.turns().get(attempt.turns().size() - 1).candidates().stream().map(LiveAttempt.Candidate::text).toList();
    }
}
