package org.redteam4j.models.http.templated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Consumer;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatModelException;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.MalformedResponseException;
import org.redteam4j.core.chat.ModelTimeoutException;
import org.redteam4j.core.chat.ModelUnreachableException;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.RequestRejectedException;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.HttpFailures;
import org.redteam4j.models.http.ServerSentEvents;
import org.redteam4j.models.resilience.ResilientCalls;

/**
 * The {@code http} runtime: an application behind its own HTTP API, reached through the request
 * templates of an {@link HttpApp}. Each conversation gets a session of its own (its
 * {@code {{session}}} id and cookies), found again by the turns it exchanged. A stateful
 * application cannot be rewound, so a conversation it has not seen (a strategy backtracked or
 * branched) gets a new session and its human turns are replayed first, one request each. Every
 * request, replays included, runs within the target's limits ({@link ResilientCalls}).
 */
public final class TemplatedHttpChatModel implements ChatModel {

    private static final System.Logger LOG = System.getLogger(TemplatedHttpChatModel.class.getName());

    /**
     * The reply to a declared block whose body the reply path finds nothing in: worded with a refusal
     * phrase ("i can't help") so that the refusal judges count the block as what it is, a refusal.
     */
    static final String BLOCKED_REPLY = "I can't help with that. [blocked by the application: HTTP ";

    private final HttpApp app;
    private final String id;
    private final Duration timeout;
    private final ResilientCalls calls;
    private final Sessions sessions;
    private final HttpClient client;
    /** Closes the bodies of responses past their deadline; one daemon thread for all targets. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "http-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    public TemplatedHttpChatModel(HttpApp app, Duration timeout, ResilientCalls calls) {
        this(app, timeout, calls, Sessions.DEFAULT_BOUND);
    }

    TemplatedHttpChatModel(HttpApp app, Duration timeout, ResilientCalls calls, int sessionBound) {
        this.app = app;
        this.id = "http:" + app.urlText();
        this.timeout = timeout;
        this.calls = calls;
        this.sessions = new Sessions(sessionBound);
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return converse(request, null);
    }

    /** Pieces as the application streams them with {@code stream: sse}; otherwise the whole reply at once. */
    @Override
    public ChatResponse stream(ChatRequest request, Consumer<String> onText) {
        if (app.sse()) {
            return converse(request, onText);
        }
        ChatResponse response = chat(request);
        onText.accept(response.first().text());
        return response;
    }

    private ChatResponse converse(ChatRequest request, Consumer<String> onText) {
        refuseLostSystem(request);
        List<Turn> turns = request.turns();
        Sessions.Exchanged earlier = new Sessions.Exchanged(request.system(), request.document(),
                turns.subList(0, turns.size() - 1));
        AtomicReference<Session> open = new AtomicReference<>(earlier.turns().isEmpty() ? null : sessions.take(earlier));
        boolean continued = open.get() != null;
        AtomicInteger requests = new AtomicInteger();
        long started = System.nanoTime();
        // A stateful application may have taken a message whose reply failed (a timeout, a 5xx): a retry
        // in that session would send the turn twice, so each retry starts a new session and replays.
        // An application sent the whole conversation each time is retried in place.
        Function<Consumer<String>, Sent> attempt = showing -> {
            Session session = app.stateful() ? open.getAndSet(null) : open.get();
            if (session == null) {
                session = new Session();
                open.set(app.stateful() ? null : session);
                if (app.stateful()) {
                    replay(request, session, requests);
                }
            }
            Session used = session;
            requests.incrementAndGet();
            return new Sent(calls.limited(() -> exchange(request, used, showing)), used);
        };
        Sent sent;
        try {
            sent = onText == null ? calls.retried(() -> attempt.apply(null)) : calls.retriedUnlessShown(attempt, onText);
        } catch (RuntimeException e) {
            if (continued && !app.stateful()) {
                sessions.keep(earlier, open.get()); // sent the whole conversation, it is unchanged: a retry continues it
            }
            throw e;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        sessions.keep(new Sessions.Exchanged(request.system(), request.document(), append(turns, Turn.assistant(sent.text))),
                sent.session);
        return new ChatResponse(List.of(Reply.of(sent.text, null)), TokenUsage.NONE, latency, id, false, requests.get());
    }

    /** A reply and the session it was given in. */
    private record Sent(String text, Session session) {
    }

    /**
     * A system prompt the templates have no slot for would be dropped without a word, and an attack
     * that plants a secret in it would score as resisted: refused, unless the target says to drop it.
     */
    private void refuseLostSystem(ChatRequest request) {
        if (request.system() != null && !request.system().isBlank() && !app.sendsSystem() && !app.systemIgnored()) {
            throw new RequestRejectedException(app.where() + ": its http templates have no {{system}} or {{messages}} "
                    + "slot, so the system prompt (an attack's planted prompt, an intervention's preamble) cannot be "
                    + "sent; add one, or set http.system: ignore to drop it", 0);
        }
    }

    /**
     * Sends the human turns before the last to a new session, one request each. Their replies are
     * not kept: the conversation stored and judged is the one sent; when the application now
     * answers an earlier turn differently, its session holds that answer instead, which is logged.
     */
    private void replay(ChatRequest request, Session session, AtomicInteger requests) {
        List<Turn> turns = request.turns();
        for (int i = 0; i < turns.size() - 1; i++) {
            if (turns.get(i).speaker() == Speaker.HUMAN) {
                ChatRequest upTo = request.withTurns(turns.subList(0, i + 1));
                requests.incrementAndGet();
                String again = calls.limited(() -> exchange(upTo, session, null));
                Turn before = i + 1 < turns.size() - 1 ? turns.get(i + 1) : null;
                if (before != null && before.speaker() == Speaker.ASSISTANT && !before.text().equals(again)) {
                    int turn = i + 1;
                    LOG.log(Level.DEBUG, () -> app.where() + ": replayed into a new session, the application answered "
                            + "human turn " + turn + " differently than before; later replies follow its new answer");
                }
            }
        }
    }

    /** One request and its reply's text; {@code onText}, when given, is told each piece of a streamed reply. */
    private String exchange(ChatRequest request, Session session, Consumer<String> onText) {
        TemplateValues values = new TemplateValues(request, session.id());
        URI uri;
        try {
            uri = URI.create(app.url().render(values));
        } catch (IllegalArgumentException e) {
            throw new RequestRejectedException(id + ": the URL made from the template is not valid for this "
                    + "conversation (insert text into a URL with {{…|url}})", 0);
        }
        String body = app.body().render(values);
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(timeout);
        boolean typed = false;
        for (Map.Entry<String, Template> header : app.headers().entrySet()) {
            try {
                http.header(header.getKey(), header.getValue().render(values));
            } catch (IllegalArgumentException e) {
                throw new RequestRejectedException(id + ": header " + header.getKey() + " made from the template is "
                        + "not a valid header value for this conversation (a line break, say)", 0);
            }
            typed |= header.getKey().equalsIgnoreCase("Content-Type");
        }
        if (!typed && !body.isEmpty()) {
            http.header("Content-Type", "application/json");
        }
        session.cookiesFor(uri).forEach((name, list) -> list.forEach(value -> http.header(name, value)));
        http.method(app.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        String text = app.sse() ? streamed(http.build(), session, onText) : whole(http.build(), session);
        LOG.log(Level.DEBUG, () -> id + ": answered in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        return text;
    }

    private String whole(HttpRequest request, Session session) {
        return withDeadline(request, (response, body) -> {
            session.remember(request.uri(), response.headers());
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (response.statusCode() / 100 != 2) {
                return blocked(response, text);
            }
            adoptSession(session, text, response.headers());
            return app.reply().find(text, response.headers()).orElseThrow(() -> malformed(
                    "the reply path " + app.reply().describe() + " matches no non-empty text in the response: "
                            + quote(text)));
        });
    }

    /**
     * An error status: the application's own reply when the target declares it a block
     * ({@code http.blocked_status}), its reply path's text or else a fixed note; otherwise a failure.
     */
    private String blocked(HttpResponse<?> response, String body) {
        if (!app.blockedStatus().contains(response.statusCode())) {
            throw HttpFailures.forStatus(id, response.statusCode(), response.headers(), app.secrets().redact(body), null);
        }
        return app.reply().find(body, response.headers())
                .orElse(BLOCKED_REPLY + response.statusCode() + "]");
    }

    private String streamed(HttpRequest request, Session session, Consumer<String> onText) {
        return withDeadline(request, (response, body) -> {
            session.remember(request.uri(), response.headers());
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                String answer = blocked(response, text);
                if (onText != null) {
                    onText.accept(answer);
                }
                return answer;
            }
            StringBuilder text = new StringBuilder();
            List<String> seen = new ArrayList<>();
            ServerSentEvents events = new ServerSentEvents();
            boolean adopted = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ServerSentEvents.Event event = events.line(line);
                if (event == null) {
                    continue;
                }
                if (event.data().strip().equals("[DONE]")) {
                    break;
                }
                if (seen.size() < 3) {
                    seen.add(event.data());
                }
                if (!adopted) {
                    adopted = adoptSession(session, event.data(), response.headers());
                }
                Optional<String> piece = app.reply().find(event.data(), response.headers());
                if (piece.isPresent()) {
                    text.append(piece.get());
                    if (onText != null) {
                        onText.accept(piece.get());
                    }
                }
            }
            if (text.isEmpty()) {
                String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
                throw malformed("the reply path " + app.reply().describe() + " matches no non-empty text in any event of "
                        + "the stream" + (type.startsWith("text/event-stream") ? "" : " (the response is "
                        + quote(type) + ", not text/event-stream)") + "; first events: " + quote(String.join(" | ", seen)));
            }
            return text.toString();
        });
    }

    /** Reads a response's status, headers and body. */
    private interface BodyReader {
        String read(HttpResponse<InputStream> response, InputStream body) throws IOException;
    }

    /**
     * Sends {@code request} and reads its response within the timeout, counted from the request's
     * start: headers, a slow body and a stream that stalls or never ends alike. Past it the body is
     * closed, which ends a blocked read, and the call fails as a timeout (retriable).
     */
    private String withDeadline(HttpRequest request, BodyReader reader) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<HttpResponse<InputStream>> sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = sent.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelTimeoutException(id + ": interrupted while waiting for the response", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                throw io(request.uri(), failure);
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ModelUnreachableException(id + ": the request failed", null);
        }
        AtomicBoolean expired = new AtomicBoolean();
        InputStream body = response.body();
        ScheduledFuture<?> closer = DEADLINES.schedule(() -> {
            expired.set(true);
            closeQuietly(body);
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try {
            String text = reader.read(response, body);
            if (expired.get()) {
                throw timedOut(); // the close may have read as the end of the body: what was read is not the reply
            }
            return text;
        } catch (IOException | UncheckedIOException e) {
            if (expired.get()) {
                throw timedOut();
            }
            throw io(request.uri(), e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e);
        } catch (MalformedResponseException e) {
            if (expired.get()) {
                throw timedOut(); // a body cut off at the deadline, not a malformed one
            }
            throw e;
        } finally {
            closer.cancel(false);
            closeQuietly(body);
        }
    }

    private ModelTimeoutException timedOut() {
        return new ModelTimeoutException(id + ": no complete response within the timeout (" + timeout.toSeconds() + " s)", null);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is all that is asked; the read it ends reports the failure
        }
    }

    /** Takes the server's session id when {@code session.from} finds one; whether it did. */
    private boolean adoptSession(Session session, String body, HttpHeaders headers) {
        if (app.sessionFrom() == null) {
            return false;
        }
        Optional<String> found = app.sessionFrom().findId(body, headers);
        found.ifPresent(session::adopt);
        return found.isPresent();
    }

    /** The typed failure of a call without a response; a resolved secret never reaches its message. */
    private ChatModelException io(URI uri, IOException e) {
        ChatModelException failure = HttpFailures.forIo(id, app.origin(), e, null);
        String redacted = app.secrets().redact(failure.getMessage());
        return redacted.equals(failure.getMessage()) ? failure : new ModelUnreachableException(redacted, null);
    }

    private MalformedResponseException malformed(String problem) {
        return new MalformedResponseException(id + ": " + problem, null);
    }

    private String quote(String text) {
        return HttpFailures.quote(app.secrets().redact(text), null);
    }

    private static List<Turn> append(List<Turn> turns, Turn turn) {
        List<Turn> longer = new ArrayList<>(turns);
        longer.add(turn);
        return longer;
    }

    @Override
    public boolean streams() {
        return app.sse();
    }

    /** A stateful application may be replayed every earlier human turn before the call's own. */
    @Override
    public int maxRequestsPerCall(int humanTurns) {
        return app.stateful() ? Math.max(1, humanTurns) : 1;
    }

    @Override
    public boolean takesDocuments() {
        return app.uses(Variable.DOCUMENT);
    }

    @Override
    public String id() {
        return id;
    }

    /** The sessions open now, for tests. */
    int openSessions() {
        return sessions.size();
    }

    @Override
    public void close() {
        // HttpClient has no close() on Java 17; its threads are daemons and end with the JVM
    }
}
