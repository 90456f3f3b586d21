package org.redteam4j.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.redteam4j.config.targets.Target;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.secrets.Secret;
import org.redteam4j.core.secrets.Secrets;
import org.redteam4j.core.testing.RecordingModel;

/** {@code chat --json}: every reply (rejection sampling prints k) shows the mark, and {@code redacted} names the secret. */
@Tag("security")
class ChatPrinterTest {

    private static final String KEY = "sk-live-DO-NOT-LEAK-0123456789";

    @Test
    void jsonShowsTheMarkInEveryReplyAndNamesTheSecret() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ChatPrinter printer = new ChatPrinter(new PrintWriter(out), new PrintWriter(err), true,
                () -> Secrets.of(new Secret("OPENAI_API_KEY", KEY)));
        ChatResponse response = new ChatResponse(List.of(Reply.of("one " + KEY, "stop"), Reply.of("two " + KEY, "stop")),
                TokenUsage.NONE, Duration.ZERO, "m", false);

        printer.print(new Target(TargetConfig.of("openai:m"), new RecordingModel(false)), response);

        JsonNode printed = Json.mapper().readTree(out.toString());
        assertThat(printed.get("replies")).hasSize(2)
                .allSatisfy(reply -> assertThat(reply.get("text").asText()).endsWith("[redacted OPENAI_API_KEY]"));
        assertThat(printed.get("redacted")).hasSize(1).first().satisfies(name -> assertThat(name.asText()).isEqualTo("OPENAI_API_KEY"));
        assertThat(out.toString() + err).doesNotContain(KEY);
        assertThat(err.toString()).contains("the reply contained the OPENAI_API_KEY");
    }
}
