package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

/** README, "Applications over HTTP": chat reaches a model: http target declared in a targets file. */
class ChatHttpTargetTest {

    @TempDir
    Path dir;

    private Path targets(String url, String extra) throws Exception {
        return Files.writeString(dir.resolve("targets.yaml"), """
                targets:
                  - name: support-bot
                    model: http
                    http:
                      url: URL
                      body: '{"session": "{{session}}", "message": {{prompt|json}}}'
                      reply: $.answer
                      session: {from: $.session_id}
                """.replace("URL", url) + extra);
    }

    @Test
    void chatsWithAnApplicationKeepingItsSessionAcrossTurns() throws Exception {
        AtomicInteger turn = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer()) {
            server.answering(request -> Script.json("{\"answer\": \"turn " + turn.incrementAndGet()
                    + " in " + request.json().get("session").asText() + "\", \"session_id\": \"srv-7\"}"));
            Path file = targets(server.url("/api/chat").toString(), "");
            InputStream original = System.in;
            System.setIn(new ByteArrayInputStream("hello\nand again\n\n".getBytes(StandardCharsets.UTF_8)));
            try {
                CliRun run = CliRun.of("chat", "--targets", file.toString(), "--target", "support-bot");

                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.out()).contains("turn 2 in srv-7");
                assertThat(server.received()).hasSize(2);
                assertThat(server.lastRequest().json().get("message").asText()).isEqualTo("and again");
            } finally {
                System.setIn(original);
            }
        }
    }

    @Test
    void aMistakeInTheHttpBlockIsAUsageErrorNamingTheField() throws Exception {
        Path file = targets("http://127.0.0.1:9/api", "").resolveSibling("targets.yaml");
        Files.writeString(file, Files.readString(file).replace("{{prompt|json}}", "{{prompt|base64}}"));

        CliRun run = CliRun.of("chat", "--targets", file.toString(), "--target", "support-bot", "hi");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("target support-bot: http.body: unknown template filter 'base64'");
    }
}
