package org.redteam4j.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.openai.OpenAiCompatibleChatModel;
import org.redteam4j.models.resilience.ResiliencePolicy;
import org.redteam4j.models.resilience.ResilientChatModel;
import org.redteam4j.models.testing.CapturedLogs;

@Tag("security")
class SecretsTest {

    private static final String KEY = "sk-live-DO-NOT-LEAK-0123456789";

    @TempDir
    Path dir;

    @Test
    void theKeyNeverAppearsInExceptionsOrLogsEvenWhenTheServerEchoesIt() throws Exception {
        try (CapturedLogs logs = new CapturedLogs();
             LoopbackServer server = new LoopbackServer()) {
            server.then(Script.status(500, "{\"error\": \"bad key " + KEY + "\"}"),
                    Script.status(401, "{\"error\": \"Incorrect API key provided: " + KEY + "\"}"));
            ResilientChatModel model = new ResilientChatModel(
                    new OpenAiCompatibleChatModel("m", server.url("/v1"), ApiKey.of(KEY), Duration.ofSeconds(5)),
                    new ResiliencePolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(5), Duration.ofMillis(10),
                            Duration.ofSeconds(1), 1, 0));

            Throwable failure = catchThrowable(() -> model.chat(Conversations.twoTurns(Sampling.DEFAULT)));

            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).contains("Incorrect API key provided: [redacted API key]").doesNotContain(KEY);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(KEY));
            assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
        }
    }

    @Test
    void aKeyPrintsAsStars() {
        assertThat(ApiKey.of(KEY)).hasToString("***");
        assertThat(String.valueOf(List.of(ApiKey.of(KEY)))).doesNotContain(KEY);
    }

    @Test
    void keysComeFromTheEnvironmentFirstThenTheCredentialsFile() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials.properties"), "ANTHROPIC_API_KEY=from-file\nOPENAI_API_KEY=file-openai\n");
        ApiKeys keys = new ApiKeys(Map.of("OPENAI_API_KEY", "from-env"), file);

        assertThat(keys.find("OPENAI_API_KEY").orElseThrow().reveal()).isEqualTo("from-env");
        assertThat(keys.find("ANTHROPIC_API_KEY").orElseThrow().reveal()).isEqualTo("from-file");
        assertThat(keys.find("MISSING_KEY")).isEmpty();
        assertThat(keys.whereToPut("X")).contains(file.toString());
    }

    @Test
    void theKeysHandedOutAreTheSecretsToRedactEachUnderItsVariable() {
        ApiKeys keys = new ApiKeys(Map.of("OPENAI_API_KEY", KEY, "UNUSED_KEY", "sk-never-asked-for"), null);
        assertThat(keys.found().isEmpty()).isTrue();

        keys.find("OPENAI_API_KEY");

        assertThat(keys.found().names()).containsExactly("OPENAI_API_KEY");
        assertThat(keys.found().redact("it is " + KEY)).isEqualTo("it is [redacted OPENAI_API_KEY]");
        assertThat(keys.find("OPENAI_API_KEY").orElseThrow().redact(KEY)).isEqualTo("[redacted OPENAI_API_KEY]");
    }

    @Test
    void aKeyMayTravelOverHttpsOrToThisMachineOnly() {
        assertThat(KeyTransport.exposes(java.net.URI.create("http://192.0.2.10/v1"))).isTrue();
        assertThat(KeyTransport.exposes(java.net.URI.create("http://llm.internal:8000/v1"))).isTrue();
        assertThat(KeyTransport.exposes(java.net.URI.create("http://127.0.0.1.example.com/v1"))).isTrue();
        assertThat(KeyTransport.exposes(java.net.URI.create("http://999.0.0.1/v1"))).isTrue();
        assertThat(KeyTransport.exposes(java.net.URI.create("https://api.openai.com/v1"))).isFalse();
        assertThat(KeyTransport.exposes(java.net.URI.create("http://127.0.0.1:8000/v1"))).isFalse();
        assertThat(KeyTransport.exposes(java.net.URI.create("http://127.8.9.10/v1"))).isFalse();
        assertThat(KeyTransport.exposes(java.net.URI.create("http://localhost:11434"))).isFalse();
        assertThat(KeyTransport.exposes(java.net.URI.create("http://[::1]:8080/v1"))).isFalse();
    }
}
