package org.redteam4j.models.http.templated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redteam4j.models.http.templated.TemplatedHttpChatModelTest.ask;
import static org.redteam4j.models.http.templated.TemplatedHttpChatModelTest.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.templated.AppServer.Response;

/** A stateful application: every request a response took is counted, and a retry never re-sends a turn into a session. */
class StatefulReplayTest {

    /** Keeps each session's messages (the session is the {@code {{session}}} id we send) and answers with their count. */
    static final class Memory {
        final Map<String, List<String>> sessions = new ConcurrentHashMap<>();

        Response answer(AppServer.Request request) {
            JsonNode in = request.json();
            List<String> heard = sessions.computeIfAbsent(in.get("session").asText(), s -> new CopyOnWriteArrayList<>());
            heard.add(in.get("message").asText());
            return Response.json("{\"answer\": \"heard " + heard.size() + "\"}");
        }
    }

    static HttpApp.Declaration memoryBot(AppServer server) {
        return new HttpApp.Declaration(server.url("/chat"), null, null,
                "{\"session\": \"{{session}}\", \"message\": {{prompt|json}}}", "$.answer", null, null);
    }

    @Test
    void aResponseCountsTheReplayedRequestsItTook() throws Exception {
        Memory app = new Memory();
        try (AppServer server = new AppServer(app::answer)) {
            TemplatedHttpChatModel bot = model(memoryBot(server));
            Turn h1 = Turn.human("tell me a story");
            ChatResponse first = bot.chat(ask(null, h1));
            ChatResponse second = bot.chat(ask(null, h1, Turn.assistant(first.first().text()), Turn.human("darker")));
            // backtracked: a new session, the first human turn replayed, then the new one
            ChatResponse branched = bot.chat(ask(null, h1, Turn.assistant(first.first().text()), Turn.human("lighter")));

            assertThat(first.requests()).isEqualTo(1);
            assertThat(second.requests()).isEqualTo(1);
            assertThat(branched.requests()).isEqualTo(2);
            assertThat(first.requests() + second.requests() + branched.requests()).isEqualTo(server.received().size());
        }
    }

    @Test
    void aFailedTurnInAStatefulSessionIsRetriedInANewSessionNeverSentTwiceIntoOne() throws Exception {
        Memory app = new Memory();
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (AppServer server = new AppServer(request -> {
            Response answer = app.answer(request); // the application took the message ...
            if (request.json().get("message").asText().equals("second question") && failedOnce.compareAndSet(false, true)) {
                return Response.status(503, "{\"error\": \"busy\"}"); // ... and failed before replying
            }
            return answer;
        })) {
            TemplatedHttpChatModel bot = model(memoryBot(server));
            Turn h1 = Turn.human("first question");
            String r1 = bot.chat(ask(null, h1)).first().text();
            ChatResponse r2 = bot.chat(ask(null, h1, Turn.assistant(r1), Turn.human("second question")));
            ChatResponse r3 = bot.chat(ask(null, h1, Turn.assistant(r1), Turn.human("second question"),
                    Turn.assistant(r2.first().text()), Turn.human("third question")));

            assertThat(app.sessions.values()).allSatisfy(heard -> assertThat(heard).doesNotHaveDuplicates());
            assertThat(app.sessions.values()).contains(List.of("first question", "second question", "third question"));
            assertThat(r2.requests()).isEqualTo(3); // the failed attempt, then a new session: replay and the turn
            assertThat(r3.requests()).isEqualTo(1); // the new session continues
            assertThat(1 + r2.requests() + r3.requests()).isEqualTo(server.received().size());
        }
    }

    @Test
    void anEndpointDeclaredStatelessIsNeverReplayedTo() throws Exception {
        Memory app = new Memory();
        try (AppServer server = new AppServer(app::answer)) {
            HttpApp.Declaration questionOnly = new HttpApp.Declaration(server.url("/ask"), null, null,
                    "{\"session\": \"none\", \"message\": {{prompt|json}}}", "$.answer", null, null, null, null, false);
            TemplatedHttpChatModel bot = model(questionOnly);

            ChatResponse branched = bot.chat(ask(null, Turn.human("first"), Turn.assistant("an answer"), Turn.human("second")));

            assertThat(branched.requests()).isEqualTo(1);
            assertThat(server.received()).hasSize(1);
            assertThat(app.sessions.get("none")).containsExactly("second");
        }
        try (AppServer server = new AppServer(app::answer)) {
            // inferred: not sent the conversation, so it could only remember by cookies: replayed
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/ask"), null, null,
                    "{\"session\": \"inferred\", \"message\": {{prompt|json}}}", "$.answer", null, null));
            bot.chat(ask(null, Turn.human("first"), Turn.assistant("an answer"), Turn.human("second")));
            assertThat(app.sessions.get("inferred")).containsExactly("first", "second");
        }
    }
}
