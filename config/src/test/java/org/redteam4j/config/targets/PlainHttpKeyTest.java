package org.redteam4j.config.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.ApiKeys;

/**
 * An API key is never sent in clear text across the network: a target with a key and a plain
 * http URL to another host is refused when it is built (before any connection), unless it says
 * {@code allow_plain_http_key: true}. The hosts here are never contacted: building connects to nothing.
 */
@Tag("security")
class PlainHttpKeyTest {

    private static final String KEY = "sk-live-DO-NOT-LEAK-0123456789";
    private final TargetFactory factory = new TargetFactory(
            new ApiKeys(Map.of("OPENAI_API_KEY", KEY, "ANTHROPIC_API_KEY", KEY, "LAN_KEY", KEY), null), () -> null);

    private static TargetConfig declared(String yaml) {
        return TargetsFile.parse("targets:\n" + yaml, "targets.yaml").get(0);
    }

    @Test
    void aKeyOverPlainHttpToAnotherHostIsRefusedNamingTheTargetAndTheField() {
        TargetConfig lan = declared("  - {name: lan-model, model: 'openai:m', base_url: 'http://192.0.2.10:8000/v1', api_key_env: LAN_KEY}\n");
        TargetConfig anthropic = declared("  - {name: proxy, model: 'anthropic:claude', base_url: 'http://llm-proxy.example:80'}\n");

        assertThatThrownBy(() -> factory.create(lan)).isInstanceOf(BadInput.class)
                .hasMessageContaining("target lan-model").hasMessageContaining("LAN_KEY").hasMessageContaining("plain http")
                .hasMessageContaining("192.0.2.10").hasMessageContaining("allow_plain_http_key: true")
                .message().doesNotContain(KEY);
        assertThatThrownBy(() -> factory.create(anthropic)).isInstanceOf(BadInput.class)
                .hasMessageContaining("target proxy").hasMessageContaining("ANTHROPIC_API_KEY");
    }

    @Test
    void allowPlainHttpKeyBuildsTheTargetAndHttpsOrLoopbackNeedNoPermission() {
        TargetConfig allowed = declared("  - {name: lan-model, model: 'openai:m', base_url: 'http://192.0.2.10:8000/v1', "
                + "allow_plain_http_key: true}\n");

        assertThat(allowed.allowPlainHttpKey()).isTrue();
        try (Target built = factory.create(allowed)) {
            assertThat(built.name()).isEqualTo("lan-model");
        }
        for (String url : List.of("https://192.0.2.10/v1", "http://127.0.0.1:9/v1", "http://localhost:9/v1", "http://[::1]:9/v1")) {
            factory.create(TargetConfig.of("t", "openai:m", url)).close();
        }
        factory.create(TargetConfig.of("no-key", "ollama:llama3", "http://192.0.2.10:11434")).close(); // nothing to protect
    }

    @Test
    void theFieldIsLeftOutOfTheStoredDeclarationWhenUnset() {
        assertThat(Json.mapper().valueToTree(TargetConfig.of("t", "openai:m", null)).has("allow_plain_http_key")).isFalse();
        assertThat(Json.mapper().valueToTree(declared("  - {model: 'openai:m', allow_plain_http_key: true}\n"))
                .get("allow_plain_http_key").asBoolean()).isTrue();
    }
}
