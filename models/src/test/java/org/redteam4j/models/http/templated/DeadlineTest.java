package org.redteam4j.models.http.templated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redteam4j.models.http.templated.TemplatedHttpChatModelTest.ask;
import static org.redteam4j.models.http.templated.TemplatedHttpChatModelTest.model;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ModelTimeoutException;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.templated.AppServer.Response;
import org.redteam4j.models.resilience.ResiliencePolicy;

/**
 * Reading a response: {@code timeout_seconds} bounds it whole (a stalled stream, a trickling body);
 * a stream target answered with something else says so.
 */
class DeadlineTest {

    static final ResiliencePolicy ONE_SECOND_ONCE = new ResiliencePolicy(Duration.ofSeconds(1), 1, Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofSeconds(5), 4, 0);

    @Test
    void aStreamThatStallsAfterItsFirstEventTimesOut() throws Exception {
        try (AppServer server = new AppServer(request -> Response.chunked("text/event-stream",
                "data: {\"d\": \"Hel\"}\n\n", "data: {\"d\": \"lo\"}\n\n", "data: [DONE]\n\n").pausing(8_000))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/stream"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.d", null, "sse"), new ApiKeys(Map.of(), null), ONE_SECOND_ONCE);

            long started = System.nanoTime();
            assertThatThrownBy(() -> bot.chat(ask(null, Turn.human("hi")))).isInstanceOf(ModelTimeoutException.class)
                    .hasMessageContaining("within the timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aBodyThatTricklesTimesOut() throws Exception {
        try (AppServer server = new AppServer(request -> Response.chunked("application/json",
                "{\"answer\": ", "\"late\"}").pausing(8_000))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/slow"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.answer", null, null), new ApiKeys(Map.of(), null), ONE_SECOND_ONCE);

            long started = System.nanoTime();
            assertThatThrownBy(() -> bot.chat(ask(null, Turn.human("hi")))).isInstanceOf(ModelTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aQuickStreamIsReadWhole() throws Exception {
        try (AppServer server = new AppServer(request -> Response.chunked("text/event-stream",
                "data: {\"d\": \"Hel\"}\n\n", "data: {\"d\": \"lo\"}\n\n", "data: [DONE]\n\n").pausing(50))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/stream"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.d", null, "sse"), new ApiKeys(Map.of(), null), ONE_SECOND_ONCE);

            assertThat(bot.chat(ask(null, Turn.human("hi"))).first().text()).isEqualTo("Hello");
        }
    }

    @Test
    void aStreamTargetAnsweredWithPlainJsonSaysSo() throws Exception {
        try (AppServer server = new AppServer(request -> Response.json("{\"answer\": \"whole\"}"))) {
            TemplatedHttpChatModel bot = model(new HttpApp.Declaration(server.url("/api/chat"), null, null,
                    "{\"q\": {{prompt|json}}}", "$.answer", null, "sse"), new ApiKeys(Map.of(), null), ONE_SECOND_ONCE);

            assertThatThrownBy(() -> bot.chat(ask(null, Turn.human("hi"))))
                    .isInstanceOf(org.redteam4j.core.chat.MalformedResponseException.class)
                    .hasMessageContaining("not text/event-stream").hasMessageContaining("application/json");
        }
    }
}
