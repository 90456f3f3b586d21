package org.redteam4j.models.http.templated;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
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

    private final HttpApp app;
    private final String id;
    private final Duration timeout;
    private final ResilientCalls calls;
    private final Sessions sessions;
    private final HttpClient client;

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
        List<Turn> turns = request.turns();
        Sessions.Exchanged earlier = new Sessions.Exchanged(request.system(), request.document(),
                turns.subList(0, turns.size() - 1));
        Session session = earlier.turns().isEmpty() ? null : sessions.take(earlier);
        boolean continued = session != null;
        if (!continued) {
            session = new Session();
        }
        try {
            if (!continued && app.stateful()) {
                replay(request, session);
            }
            Session used = session;
            long started = System.nanoTime();
            String text = calls.call(() -> retriedUnlessShown(request, used, onText));
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            sessions.keep(new Sessions.Exchanged(request.system(), request.document(), append(turns, Turn.assistant(text))),
                    session);
            return new ChatResponse(List.of(Reply.of(text, null)), TokenUsage.NONE, latency, id, false);
        } catch (PartlyShown e) {
            throw e.failure;
        } catch (RuntimeException e) {
            if (continued) {
                sessions.keep(earlier, session); // unchanged as far as we know: a retry of the call continues it
            }
            throw e;
        }
    }

    /** Sends the human turns before the last to a new session, one request each; their replies are not kept. */
    private void replay(ChatRequest request, Session session) {
        List<Turn> turns = request.turns();
        for (int i = 0; i < turns.size() - 1; i++) {
            if (turns.get(i).speaker() == Speaker.HUMAN) {
                ChatRequest upTo = request.withTurns(turns.subList(0, i + 1));
                calls.call(() -> exchange(upTo, session, null));
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
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        session.remember(request.uri(), response.headers());
        String body = response.body();
        if (response.statusCode() / 100 != 2) {
            throw HttpFailures.forStatus(id, response.statusCode(), response.headers(), app.secrets().redact(body), null);
        }
        adoptSession(session, body, response.headers());
        return app.reply().find(body, response.headers()).orElseThrow(() -> malformed(
                "the reply path " + app.reply().describe() + " matches no non-empty text in the response: "
                        + quote(body)));
    }

    private String streamed(HttpRequest request, Session session, Consumer<String> onText) {
        HttpResponse<Stream<String>> response = send(request, HttpResponse.BodyHandlers.ofLines());
        session.remember(request.uri(), response.headers());
        StringBuilder text = new StringBuilder();
        List<String> seen = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() / 100 != 2) {
                String body = String.join("\n", (Iterable<String>) lines::iterator);
                throw HttpFailures.forStatus(id, response.statusCode(), response.headers(), app.secrets().redact(body), null);
            }
            ServerSentEvents events = new ServerSentEvents();
            Iterator<String> each = lines.iterator();
            boolean adopted = false;
            while (each.hasNext()) {
                ServerSentEvents.Event event = events.line(each.next());
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
        } catch (UncheckedIOException e) {
            throw io(request.uri(), e.getCause());
        }
        if (text.isEmpty()) {
            throw malformed("the reply path " + app.reply().describe() + " matches no non-empty text in any event of "
                    + "the stream; first events: " + quote(String.join(" | ", seen)));
        }
        return text.toString();
    }

    /** Takes the server's session id when {@code session.from} finds one; whether it did. */
    private boolean adoptSession(Session session, String body, HttpHeaders headers) {
        if (app.sessionFrom() == null) {
            return false;
        }
        Optional<String> found = app.sessionFrom().find(body, headers);
        found.ifPresent(session::adopt);
        return found.isPresent();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw io(request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelTimeoutException(id + ": interrupted while waiting for the response", e);
        }
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

    /** The exchange; a failure once part of the reply was shown is let through the retry (see {@link PartlyShown}). */
    private String retriedUnlessShown(ChatRequest request, Session session, Consumer<String> onText) {
        if (onText == null) {
            return exchange(request, session, null);
        }
        AtomicBoolean shown = new AtomicBoolean();
        try {
            return exchange(request, session, piece -> {
                shown.set(true);
                onText.accept(piece);
            });
        } catch (ChatModelException e) {
            if (shown.get()) {
                throw new PartlyShown(e);
            }
            throw e;
        }
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

    /** A failure after part of a streamed reply was shown: not retried, since a retry would show its start twice. */
    private static final class PartlyShown extends RuntimeException {
        private final ChatModelException failure;

        PartlyShown(ChatModelException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
