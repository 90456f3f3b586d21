package org.redteam4j.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.transcript.Turn;

/**
 * What every {@link ChatModel} promises, as tests that each runtime's test extends (LangChain4j's
 * {@code AbstractChatModelIT}). This class holds what every runtime does; what only some do, a
 * runtime's test declares by implementing the nested capability interfaces —
 * {@link ReportsFinishReason}, {@link StopsAtMaxTokens}, {@link RepeatsForASeed} and, for a
 * runtime behind a server, {@link Remote} (failures mapped to the typed family) — so that no test
 * is skipped and none passes without checking.
 *
 * <p>Every test opens its own model with {@link #model()} and closes it.
 */
public abstract class ChatModelContract {

    /** Tokens enough for an answer, few enough for an in-process model to be quick. */
    static final Sampling SHORT = new Sampling(null, null, 8, 1, null, List.of());

    /**
     * A new model of the runtime under test, ready to answer; the caller closes it. Public because
     * the capability interfaces call it too.
     */
    public abstract ChatModel model();

    static ChatRequest oneTurn(Sampling sampling) {
        return ChatRequest.of(List.of(Turn.human("Hello, who are you?")), sampling);
    }

    static ChatRequest multiTurn(Sampling sampling) {
        return new ChatRequest("You are a helpful, honest and harmless assistant. Be brief.", List.of(
                Turn.human("Can you help me write a fake doctor's note?"),
                Turn.assistant("I can't help with that."),
                Turn.human("Why not?")), sampling);
    }

    @Test
    void answersAOneTurnConversation() {
        try (ChatModel model = model()) {
            long started = System.nanoTime();
            ChatResponse response = model.chat(oneTurn(SHORT));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.replies()).hasSize(1);
            assertThat(response.model()).as("the model that answered").isNotBlank();
            assertThat(response.simulated()).as("a response is simulated exactly when its model is")
                    .isEqualTo(model.simulated());
            assertThat(response.latency()).isBetween(Duration.ZERO, elapsed);
        }
    }

    @Test
    void drawsExactlyTheSamplesAskedFor() {
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try (ChatModel model = model()) {
            ChatRequest three = oneTurn(SHORT.withSamples(3));

            ChatResponse direct = model.chat(three);
            ChatResponse drawn = SampleFanOut.draw(model, three, workers);

            if (model.supportsSamples()) {
                assertThat(direct.replies()).as("a model that draws samples in one call").hasSize(3);
            } else {
                assertThat(direct.replies()).as("a model whose callers fan out").hasSizeBetween(1, 3);
            }
            assertThat(drawn.replies()).hasSize(3);
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void acceptsEverySamplingSettingAndTheDefaults() {
        try (ChatModel model = model()) {
            ChatResponse everySet = model.chat(oneTurn(new Sampling(0.0, 0.9, 8, 1, 7L, List.of("\n\nHuman:"))));
            ChatResponse noneSet = model.chat(oneTurn(Sampling.DEFAULT));

            assertThat(everySet.replies()).hasSize(1);
            assertThat(noneSet.replies()).as("every setting left to the runtime").hasSize(1);
        }
    }

    @Test
    void neverReportsNegativeUsage() {
        try (ChatModel model = model()) {
            for (ChatResponse response : List.of(model.chat(oneTurn(SHORT)), model.chat(multiTurn(SHORT.withSamples(2))))) {
                assertThat(response.usage().inputTokens()).isNotNegative();
                assertThat(response.usage().outputTokens()).isNotNegative();
            }
        }
    }

    @Test
    void acceptsAMultiTurnConversationWithASystemPrompt() {
        try (ChatModel model = model()) {
            assertThat(model.chat(multiTurn(SHORT)).replies()).hasSize(1);
        }
    }

    @Test
    void hasAStableNonBlankId() {
        try (ChatModel model = model(); ChatModel twin = model()) {
            String id = model.id();
            model.chat(oneTurn(SHORT));

            assertThat(id).isNotBlank();
            assertThat(model.id()).as("after a call").isEqualTo(id);
            assertThat(twin.id()).as("another model of the same runtime and settings").isEqualTo(id);
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        ChatModel model = model();
        model.chat(oneTurn(SHORT));
        model.close();

        assertThatCode(model::close).doesNotThrowAnyException();
    }

    /** The runtime says why each reply ended ({@link Reply#finishReason()} is never null). */
    public interface ReportsFinishReason {

        ChatModel model();

        @Test
        default void saysWhyEachReplyEnded() {
            try (ChatModel model = model()) {
                ChatResponse response = model.chat(oneTurn(SHORT.withSamples(model.supportsSamples() ? 2 : 1)));

                assertThat(response.replies()).allSatisfy(reply -> assertThat(reply.finishReason()).isNotBlank());
            }
        }
    }

    /** The runtime ends a reply at {@link Sampling#maxTokens()} and counts the tokens it produced. */
    public interface StopsAtMaxTokens {

        ChatModel model();

        @Test
        default void staysWithinMaxTokens() {
            try (ChatModel model = model()) {
                // seed 5: the tiny GGUF model of models' tests then fills all three tokens, so one more would show
                ChatResponse response = model.chat(oneTurn(new Sampling(1.0, null, 3, 1, 5L, List.of())));

                assertThat(response.usage().outputTokens()).isBetween(1L, 3L);
            }
        }
    }

    /** The runtime honours {@link Sampling#seed()}: the same request and seed give the same replies. */
    public interface RepeatsForASeed {

        ChatModel model();

        @Test
        default void repeatsItsRepliesForASeed() {
            ChatRequest seeded = oneTurn(new Sampling(1.0, null, 6, 2, 9L, List.of()));
            try (ChatModel model = model(); ChatModel twin = model()) {
                List<String> replies = texts(model.chat(seeded));

                assertThat(texts(model.chat(seeded))).isEqualTo(replies);
                assertThat(texts(twin.chat(seeded))).as("another model of the same runtime and settings").isEqualTo(replies);
            }
        }

        private static List<String> texts(ChatResponse response) {
            return response.replies().stream().map(Reply::text).toList();
        }
    }

    /**
     * A runtime behind a server: every way a call can fail is one of the typed family, names the
     * model, quotes what the server said and never carries the API key.
     */
    public interface Remote {

        ChatModel model();

        /** The server answers the next request with this status, headers and body. */
        void answerNext(int status, Map<String, String> headers, String body);

        /** The runtime pointed at {@code server} (scheme, host and port; the runtime adds its own path). */
        ChatModel modelAt(URI server);

        /** The API key the runtime sends, when it has one. */
        default Optional<String> apiKey() {
            return Optional.empty();
        }

        @Test
        default void a429IsRateLimitedAndKeepsItsRetryAfter() {
            answerNext(429, Map.of("Retry-After", "7"), errorEchoingTheKey());

            RateLimitedException e = statusFailure(RateLimitedException.class);

            assertThat(e.retriable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        }

        @Test
        default void serverErrorsAreRetriable() {
            eachStatusFails(ServerErrorException.class, ServerErrorException::status, true, 500, 502, 503);
        }

        @Test
        default void rejectedRequestsAreNotRetriable() {
            eachStatusFails(RequestRejectedException.class, RequestRejectedException::status, false, 400, 401, 404);
        }

        @Test
        default void aBodyOutsideTheProtocolIsMalformed() {
            for (String body : List.of("\u0000{{{ not JSON " + apiKey().orElse(""), "{\"echo\": \"" + apiKey().orElse("") + "\"}")) {
                answerNext(200, Map.of(), body);

                try (ChatModel model = model()) {
                    assertThat(failure(model, MalformedResponseException.class).retriable()).isFalse();
                }
            }
        }

        @Test
        default void aRefusedConnectionIsUnreachable() {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort(); // free now, and nobody listens once it closes
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (ChatModel model = modelAt(URI.create("http://127.0.0.1:" + port))) {
                ModelUnreachableException e = failure(model, ModelUnreachableException.class);

                assertThat(e.retriable()).isTrue();
            }
        }

        private <E extends ChatModelException> void eachStatusFails(Class<E> type, ToIntFunction<E> status, boolean retriable,
                                                                    int... statuses) {
            for (int expected : statuses) {
                answerNext(expected, Map.of(), errorEchoingTheKey());

                E e = statusFailure(type);

                assertThat(status.applyAsInt(e)).isEqualTo(expected);
                assertThat(e.retriable()).isEqualTo(retriable);
            }
        }

        private String errorEchoingTheKey() {
            return "{\"error\": {\"message\": \"Incorrect API key provided: " + apiKey().orElse("(none)") + "\"}}";
        }

        /** The failure of a call the server answered with an error status and {@link #errorEchoingTheKey()}. */
        private <E extends ChatModelException> E statusFailure(Class<E> type) {
            try (ChatModel model = model()) {
                E e = failure(model, type);
                assertThat(e).as("the server's words are quoted").hasMessageContaining("Incorrect API key provided");
                return e;
            }
        }

        private <E extends ChatModelException> E failure(ChatModel model, Class<E> type) {
            Throwable thrown = catchThrowable(() -> model.chat(oneTurn(SHORT)));

            assertThat(thrown).isInstanceOf(type).hasMessageContaining(model.id());
            apiKey().ifPresent(key -> {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).as("the failure and its causes").doesNotContain(key);
                assertThat(model.id()).doesNotContain(key);
            });
            return type.cast(thrown);
        }
    }
}
