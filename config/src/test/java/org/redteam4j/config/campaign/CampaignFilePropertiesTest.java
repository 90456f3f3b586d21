package org.redteam4j.config.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.redteam4j.core.failure.BadInput;

/** Campaign files built from the real keys with random values, nesting and damage: read, or a BadInput naming the file. */
class CampaignFilePropertiesTest {

    private static final List<String> KEYS = List.of("name", "targets", "attacker", "seeds", "strategies", "judges", "limits",
            "prices", "builtin", "limit", "harmbench", "text", "from_db", "model", "intervention", "size", "template",
            "converters", "iterative", "multi_turn", "concurrency", "max_requests", "requests_per_minute", "repetitions", "llm",
            "refusal", "pm", "threshold", "streams", "depth", "unknown_key");
    private static final List<String> VALUES = List.of("sim", "direct", "refusal", "-5", "0", "3", "1e9", "true", "[]", "{}",
            "[direct, base64]", "{builtin: true, limit: 2}", "role-play", "nosuch", "\"<script>\"", "'quoted'", "~", "2.7B",
            "[{name: a, model: sim}]", "{template: role-play}", "{pm: {threshold: 0.4}}", "- direct", ": :", "&anchor x", "*alias");

    @Provide
    Arbitrary<String> campaigns() {
        Arbitrary<String> line = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(KEYS),
                Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(6)), Arbitraries.of("", "- "))
                .as((indent, key, value, dash) -> "  ".repeat(indent) + dash + key + ": " + value);
        return line.list().ofMaxSize(15).map(lines -> String.join("\n", lines));
    }

    @Property(tries = 300)
    void readsOrNamesTheFile(@ForAll("campaigns") String yaml) throws IOException {
        Path file = Files.createTempFile("campaign", ".yaml");
        try {
            Files.writeString(file, yaml);
            try {
                CampaignDefinition.read(file);
            } catch (BadInput expected) {
                assertThat(expected.getMessage()).startsWith(file.toString());
            }
        } finally {
            Files.delete(file);
        }
    }
}
