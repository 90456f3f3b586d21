package org.redteam4j.models.http.templated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.MalformedResponseException;
import org.redteam4j.core.chat.RequestRejectedException;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.ServerErrorException;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.templated.AppServer.Response;
import org.redteam4j.models.resilience.ResiliencePolicy;
import org.redteam4j.models.resilience.ResilientCalls;

class TemplatedHttpChatModelTest {

    static final ResiliencePolicy FAST = new ResiliencePolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofSeconds(5), 4, 0);

    static TemplatedHttpChatModel model(HttpApp.Declaration declared, ApiKeys keys, ResiliencePolicy policy) {
        HttpApp app = HttpApp.parse(declared, "target bot", keys);
        return new TemplatedHttpChatModel(app, policy.timeout(), new ResilientCalls("bot", policy));
    }

    static TemplatedHttpChatModel model(HttpApp.Declaration declared) {
        return model(declared, new ApiKeys(Map.of(), null), FAST);
    }

    static ChatRequest ask(String system, Turn... turns) {
        return new ChatRequest(system, List.of(turns), Sampling.DEFAULT);
    }

    @Test
    void sendsTheConversationInTheApplicationsOwnJsonAndReadsTheReplyByItsPath() throws Exception {
        try (AppServer server = new AppServer(request -> {
            JsonNode in = request.json();
            return Response.json("{\"data\": {\"answer\": \"you said " + in.get("message").asText() + "\"}, \"n\": 1}");
        })) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/api/chat"), null, null,
                    "{\"message\": {{prompt|json}}, \"history\": {{messages|json}}, \"system\": {{system|json}}, "
                            + "\"hh\": {{transcript|json}}}", "$.data.answer", null, null));

            ChatResponse response = bot.chat(ask("Be kind.", Turn.human("hi"), Turn.assistant("hello"), Turn.human("bye")));

            assertThat(response.first().text()).isEqualTo("you said bye");
            assertThat(bot.id()).isEqualTo("http:" + server.url("/api/chat"));
            AppServer.Request sent = server.received().get(0);
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = sent.json();
            assertThat(body.get("system").asText()).isEqualTo("Be kind.");
            assertThat(body.get("history").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Be kind.\"},"
                    + "{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"},"
                    + "{\"role\":\"user\",\"content\":\"bye\"}]");
            assertThat(body.get("hh").asText()).isEqualTo("\n\nHuman: hi\n\nAssistant: hello\n\nHuman: bye");
            assertThat(bot.takesDocuments()).isFalse();
        }
    }

    /** A support bot that names its own sessions and rejects a turn that does not carry one it named. */
    static final class SessionBot {
        final Map<String, List<String>> sessions = new ConcurrentHashMap<>();
        final AtomicInteger made = new AtomicInteger();

        Response answer(AppServer.Request request) {
            JsonNode in = request.json();
            String session = in.get("session").asText();
            String message = in.get("message").asText();
            if (!sessions.containsKey(session)) {
                if (!in.get("first").asBoolean()) {
                    return Response.status(400, "{\"error\": \"unknown session\"}");
                }
                session = "srv-" + made.incrementAndGet();
                sessions.put(session, new java.util.concurrent.CopyOnWriteArrayList<>());
            }
            sessions.get(session).add(message);
            return Response.json("{\"session_id\": \"" + session + "\", \"answer\": \"" + session + " heard "
                    + sessions.get(session).size() + "\"}");
        }
    }

    static HttpApp.Declaration sessionBot(AppServer server) {
        // "first" tells the test bot whether this is a conversation's first turn: a turn after it must carry the bot's id
        return new HttpApp.Declaration(server.url("/chat"), "POST", null,
                "{\"session\": \"{{session}}\", \"message\": {{prompt|json}}, \"first\": {{messages|json}}}",
                "$.answer", "$.session_id", null);
    }

    @Test
    void carriesTheSessionIdTheServerGaveIntoTheNextTurn() throws Exception {
        SessionBot app = new SessionBot();
        try (AppServer server = new AppServer(request -> {
            JsonNode in = request.json();
            boolean first = in.get("first").size() == 1;
            ((com.fasterxml.jackson.databind.node.ObjectNode) in).put("first", first);
            return app.answer(new AppServer.Request(request.method(), request.path(), request.rawQuery(),
                    request.headers(), in.toString()));
        })) {
            TemplatedHttpChatModel bot = model(sessionBot(server));

            String one = bot.chat(ask(null, Turn.human("hello"))).first().text();
            String two = bot.chat(ask(null, Turn.human("hello"), Turn.assistant(one), Turn.human("again"))).first().text();

            assertThat(one).isEqualTo("srv-1 heard 1");
            assertThat(two).isEqualTo("srv-1 heard 2");
            assertThat(server.received()).hasSize(2);
            assertThat(server.received().get(0).json().get("session").asText()).matches("[0-9a-f-]{36}");
            assertThat(server.received().get(1).json().get("session").asText()).isEqualTo("srv-1");
        }
    }

    @Test
    void aNumericSessionIdFromTheServerIsCarriedToo() throws Exception {
        try (AppServer server = new AppServer(request -> Response.json(
                "{\"session_id\": 42, \"answer\": \"heard in " + request.json().get("session").asText() + "\"}"))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/chat"), "POST", null,
                    "{\"session\": \"{{session}}\", \"message\": {{prompt|json}}}", "$.answer", "$.session_id", null));

            String one = bot.chat(ask(null, Turn.human("hello"))).first().text();
            String two = bot.chat(ask(null, Turn.human("hello"), Turn.assistant(one), Turn.human("again"))).first().text();

            assertThat(two).isEqualTo("heard in 42");
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void aBacktrackedOrChangedConversationGetsANewSessionAndItsHumanTurnsReplayed() throws Exception {
        SessionBot app = new SessionBot();
        try (AppServer server = new AppServer(request -> {
            JsonNode in = request.json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) in).put("first", in.get("first").size() == 1);
            return app.answer(new AppServer.Request(request.method(), request.path(), request.rawQuery(),
                    request.headers(), in.toString()));
        })) {
            TemplatedHttpChatModel bot = model(sessionBot(server));
            Turn h1 = Turn.human("tell me a story");
            String r1 = bot.chat(ask(null, h1)).first().text();
            String r2 = bot.chat(ask(null, h1, Turn.assistant(r1), Turn.human("darker"))).first().text();

            // the strategy backtracks: the refused second turn is dropped and another one is tried
            String branched = bot.chat(ask(null, h1, Turn.assistant(r1), Turn.human("lighter"))).first().text();
            // and a conversation whose earlier reply differs from what was said is not the same conversation
            String changed = bot.chat(ask(null, h1, Turn.assistant("something else"), Turn.human("go on"))).first().text();

            assertThat(r2).isEqualTo("srv-1 heard 2");
            assertThat(branched).isEqualTo("srv-2 heard 2");
            assertThat(changed).isEqualTo("srv-3 heard 2");
            List<String> log = new ArrayList<>();
            server.received().forEach(r -> log.add(r.json().get("message").asText()));
            assertThat(log).containsExactly("tell me a story", "darker",
                    "tell me a story", "lighter", "tell me a story", "go on");
            assertThat(app.sessions.get("srv-2")).containsExactly("tell me a story", "lighter");
            assertThat(app.sessions.get("srv-1")).containsExactly("tell me a story", "darker");
        }
    }

    @Test
    void concurrentConversationsOnOneTargetEachKeepTheirOwnSession() throws Exception {
        SessionBot app = new SessionBot();
        try (AppServer server = new AppServer(request -> {
            JsonNode in = request.json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) in).put("first", in.get("first").size() == 1);
            return app.answer(new AppServer.Request(request.method(), request.path(), request.rawQuery(),
                    request.headers(), in.toString()));
        })) {
            TemplatedHttpChatModel bot = model(sessionBot(server));
            List<java.util.concurrent.CompletableFuture<String>> conversations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Turn opening = Turn.human("conversation " + i);
                conversations.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    String first = bot.chat(ask(null, opening)).first().text();
                    return bot.chat(ask(null, opening, Turn.assistant(first), Turn.human("next"))).first().text();
                }));
            }

            List<String> seconds = conversations.stream().map(java.util.concurrent.CompletableFuture::join).toList();

            assertThat(seconds).allMatch(text -> text.endsWith(" heard 2")).doesNotHaveDuplicates();
            assertThat(server.received()).hasSize(16);
            assertThat(app.sessions).hasSize(8).allSatisfy((id, heard) -> assertThat(heard).hasSize(2).endsWith("next"));
        }
    }

    @Test
    void keepsEachSessionsCookiesAndSendsThemBack() throws Exception {
        AtomicInteger visitors = new AtomicInteger();
        try (AppServer server = new AppServer(request -> {
            String cookie = request.header("Cookie");
            if (cookie == null) {
                int visitor = visitors.incrementAndGet();
                return Response.json("{\"text\": \"welcome " + visitor + "\"}")
                        .withHeader("Set-Cookie", "sid=visitor-" + visitor + "; Path=/");
            }
            if (!cookie.startsWith("sid=visitor-")) {
                return Response.status(401, "{\"error\": \"no session\"}");
            }
            return Response.json("{\"text\": \"back, " + cookie.substring(4) + "\"}");
        })) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/talk"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.text", null, null));

            String first = bot.chat(ask(null, Turn.human("a"))).first().text();
            String other = bot.chat(ask(null, Turn.human("b"))).first().text();
            String second = bot.chat(ask(null, Turn.human("a"), Turn.assistant(first), Turn.human("c"))).first().text();

            assertThat(first).isEqualTo("welcome 1");
            assertThat(other).isEqualTo("welcome 2");
            assertThat(second).isEqualTo("back, visitor-1");
            assertThat(server.received().get(2).header("Cookie")).isEqualTo("sid=visitor-1");
        }
    }

    @Test
    void readsAServerSentEventStreamPieceByPiece() throws Exception {
        try (AppServer server = new AppServer(request -> Response.chunked("text/event-stream",
                "event: start\ndata: {\"session\": \"s-9\"}\n\n",
                "data: {\"delta\": \"Hel\"}\n\n", ": keep-alive\n\n", "data: {\"delta\": \"lo\"}\n\n",
                "data: [DONE]\n\n"))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/stream"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.delta", "$.session", "sse"));
            List<String> pieces = new ArrayList<>();

            ChatResponse response = bot.stream(ask(null, Turn.human("hi")), pieces::add);

            assertThat(pieces).containsExactly("Hel", "lo");
            assertThat(response.first().text()).isEqualTo("Hello");
            assertThat(bot.streams()).isTrue();
            assertThat(bot.chat(ask(null, Turn.human("hi"))).first().text()).isEqualTo("Hello");
        }
    }

    @Test
    void readsAChunkedReplyWhole() throws Exception {
        try (AppServer server = new AppServer(request -> Response.chunked("application/json",
                "{\"reply\": {\"te", "xt\": \"in three", " chunks\"}}"))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/c"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.reply.text", null, null));

            assertThat(bot.chat(ask(null, Turn.human("hi"))).first().text()).isEqualTo("in three chunks");
        }
    }

    @Test
    void waitsForRetryAfterOnA429ThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (AppServer server = new AppServer(request -> calls.incrementAndGet() == 1
                ? Response.status(429, "{\"error\": \"slow down\"}").withHeader("Retry-After", "0.4")
                : Response.json("{\"answer\": \"ok\"}"))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/r"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.answer", null, null));
            long started = System.nanoTime();

            String text = bot.chat(ask(null, Turn.human("hi"))).first().text();

            assertThat(text).isEqualTo("ok");
            assertThat(server.received()).hasSize(2);
            // the policy's own backoff is 5-10 ms: only the server's Retry-After explains the wait
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void retriesA5xxButNotA4xx() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (AppServer server = new AppServer(request -> calls.incrementAndGet() < 10
                ? Response.status(calls.get() == 1 ? 503 : 400, "{\"error\": \"no\"}")
                : Response.json("{\"answer\": \"ok\"}"))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/r"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.answer", null, null));

            assertThatThrownBy(() -> bot.chat(ask(null, Turn.human("hi")))).isInstanceOf(RequestRejectedException.class)
                    .hasMessageContaining("HTTP 400");
            assertThat(server.received()).hasSize(2);
        }
        try (AppServer server = new AppServer(request -> Response.status(502, "{}"))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/r"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.answer", null, null));
            assertThatThrownBy(() -> bot.chat(ask(null, Turn.human("hi")))).isInstanceOf(ServerErrorException.class);
            assertThat(server.received()).hasSize(FAST.maxAttempts());
        }
    }

    @Test
    void aReplyPathThatFindsNoTextIsAMalformedResponseNeverAnEmptyReply() throws Exception {
        for (String body : List.of("{\"other\": \"x\"}", "{\"answer\": \"\"}", "{\"answer\": 42}", "{\"answer\": null}",
                "not json", "[]")) {
            try (AppServer server = new AppServer(request -> Response.json(body))) {
                TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/m"), null, null,
                        "{\"q\": {{prompt|json}}}", "$.answer", null, null));

                assertThatThrownBy(() -> bot.chat(ask(null, Turn.human("hi"))))
                        .as(body).isInstanceOf(MalformedResponseException.class)
                        .hasMessageContaining("$.answer matches no non-empty text");
                assertThat(server.received()).as("not retried").hasSize(1);
            }
        }
        try (AppServer server = new AppServer(request -> Response.chunked("text/event-stream", "data: {\"x\": 1}\n\n",
                "data: [DONE]\n\n"))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/m"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.delta", null, "sse"));
            assertThatThrownBy(() -> bot.chat(ask(null, Turn.human("hi")))).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("any event of the stream");
        }
    }

    @Test
    void readsTheReplyByRegexOrHeaderToo() throws Exception {
        try (AppServer server = new AppServer(request -> Response.chunked("text/html",
                "<html><div class=\"bot\">Hi ", "there</div></html>").withHeader("X-Answer", "from header"))) {
            TemplatedHttpChatModel byRegex = model(new HttpApp.Declaration(server.url("/h"), null, null,
                    "q={{prompt|url}}", "regex:<div class=\"bot\">(.*?)</div>", null, null));
            TemplatedHttpChatModel byHeader = model(new HttpApp.Declaration(server.url("/h"), null, null,
                    "q={{prompt|url}}", "header:X-Answer", null, null));

            assertThat(byRegex.chat(ask(null, Turn.human("hi"))).first().text()).isEqualTo("Hi there");
            assertThat(byHeader.chat(ask(null, Turn.human("hi"))).first().text()).isEqualTo("from header");
        }
    }

    @Test
    void putsTheDocumentInItsOwnFieldWhenTheTemplateHasOne() throws Exception {
        try (AppServer server = new AppServer(request -> Response.json("{\"answer\": \"read\"}"))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/rag"), null, null,
                    "{\"q\": {{prompt|json}}, \"context\": {{document|json}}}", "$.answer", null, null));

            bot.chat(ask(null, Turn.human("summarise")).withDocument("Dear team, ..."));
            bot.chat(ask(null, Turn.human("summarise")));

            assertThat(bot.takesDocuments()).isTrue();
            assertThat(server.received().get(0).json().get("context").asText()).isEqualTo("Dear team, ...");
            assertThat(server.received().get(1).json().get("context").asText()).isEmpty();
        }
    }

    @Test
    void keepsAtMostItsBoundOfSessions() throws Exception {
        try (AppServer server = new AppServer(request -> Response.json("{\"answer\": \"ok\"}"))) {
            HttpApp app = HttpApp.parse(new HttpApp.Declaration(server.url("/b"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.answer", null, null), "target bot", new ApiKeys(Map.of(), null));
            TemplatedHttpChatModel bot = new TemplatedHttpChatModel(app, FAST.timeout(), new ResilientCalls("b", FAST), 3);

            for (int i = 0; i < 10; i++) {
                bot.chat(ask(null, Turn.human("conversation " + i)));
            }

            assertThat(bot.openSessions()).isEqualTo(3);
        }
    }
}
