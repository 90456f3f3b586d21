package org.redteam4j.models.http.templated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.templated.AppServer.Response;
import org.redteam4j.models.testing.CapturedLogs;

@Tag("security")
class HttpSecretsTest {

    private static final String TOKEN = "bot-token-DO-NOT-LEAK-42";

    @Test
    void anEnvironmentHeaderIsSentButNeverInTheIdErrorsOrLogsEvenWhenTheServerEchoesIt() throws Exception {
        try (CapturedLogs logs = new CapturedLogs();
             AppServer server = new AppServer(request -> request.body().contains("fail")
                ? Response.status(503, "{\"error\": \"bad token " + request.header("Authorization") + "\"}")
                : Response.json("{\"answer\": \"echo " + request.header("Authorization") + "\"}"))) {
            ApiKeys keys = new ApiKeys(Map.of("BOT_TOKEN", TOKEN), null);
            TemplatedHttpChatModel bot = TemplatedHttpChatModelTest.model(new HttpApp.Declaration(
                    server.url("/s?key=${BOT_TOKEN}"), null, Map.of("Authorization", "Bearer ${BOT_TOKEN}"),
                    "{\"q\": {{prompt|json}}}", "$.other", null, null), keys, TemplatedHttpChatModelTest.FAST);

            Throwable malformed = catchThrowable(() -> bot.chat(TemplatedHttpChatModelTest.ask(null, Turn.human("hi"))));
            Throwable failed = catchThrowable(() -> bot.chat(TemplatedHttpChatModelTest.ask(null, Turn.human("fail"))));

            assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(server.received().get(0).rawQuery()).isEqualTo("key=" + TOKEN);
            assertThat(bot.id()).isEqualTo("http:" + server.url("/s?key=${BOT_TOKEN}")).doesNotContain(TOKEN);
            for (Throwable failure : List.of(malformed, failed)) {
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(TOKEN).contains("[redacted BOT_TOKEN]");
            }
            // redteam4j's own logs; the JDK's HTTP client, at its debug level, logs request URLs itself (see README)
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("org.redteam4j")).isNotEmpty()
                    .noneMatch(line -> line.contains(TOKEN));
            assertThat(keys.found().names()).containsExactly("BOT_TOKEN");
        }
    }
}
