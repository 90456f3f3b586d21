package org.redteam4j.config.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.Environment;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.PreparedCampaign;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Entry;
import org.redteam4j.core.catalogue.Kind;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.models.gguf.TinyGguf;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.models.classifier.RefusalClassifier;

/**
 * Every catalogue entry builds from its own example in a campaign file, with the needs it
 * declares; the parsers accept exactly the catalogue's ids — an unknown or mistyped one is refused
 * with the nearest id and the list of valid ones.
 */
class CatalogueTest {

    private static final List<Seed> SEEDS = List.of(Seed.of("Ask for help cheating at cards"));
    private static final Environment ENVIRONMENT = new Environment(
            new ApiKeys(Map.of("OPENAI_API_KEY", "sk-catalogue-test", "ANTHROPIC_API_KEY", "sk-ant-catalogue-test"), null),
            EmbeddedPreferenceModel::loadDefault, RefusalClassifier::shipped)
            // java:bot, the runtime's example: a model of this JVM, as the library API gives them
            .withInProcessModels(Map.of("bot", new org.redteam4j.core.chat.ChatModel() {
                private final org.redteam4j.core.chat.ChatModel sim =
                        new org.redteam4j.models.sim.SimulatedAssistant(org.redteam4j.models.sim.SimSettings.DEFAULT);

                @Override
                public org.redteam4j.core.chat.ChatResponse chat(org.redteam4j.core.chat.ChatRequest request) {
                    return sim.chat(request);
                }

                @Override
                public String id() {
                    return "java:bot";
                }
            }));

    @TempDir
    static Path dir;
    private static Path gguf;

    @BeforeAll
    static void tinyModel() throws IOException {
        gguf = TinyGguf.write(dir.resolve("model.gguf"), 5);
    }

    @TestFactory
    Stream<DynamicTest> everyEntryBuildsFromItsExample() {
        return Catalogue.all().stream().map(entry -> DynamicTest.dynamicTest(entry.kind().label() + " " + entry.id(),
                () -> builds(entry)));
    }

    private static void builds(Entry entry) {
        switch (entry.kind()) {
            case STRATEGY, CONVERTER, TEMPLATE -> {
                List<Strategy> strategies = definition("strategies: [" + entry.example() + "]", "judges: [refusal]", "- {model: sim}")
                        .strategies();
                assertThat(strategies).isNotEmpty().allSatisfy(s -> assertThat(s.needs()).containsAll(entry.needs()));
                if (entry.kind() != Kind.STRATEGY) {
                    assertThat(strategies).allSatisfy(s -> assertThat(s.id()).contains(entry.id()));
                }
            }
            case PAYLOAD -> {
                List<Strategy> strategies = definition("strategies: [" + entry.example() + "]", "judges: [canary]", "- {model: sim}")
                        .strategies();
                assertThat(strategies).singleElement().satisfies(s -> assertThat(s.id()).endsWith(":" + entry.id()));
            }
            case JUDGE -> {
                try (PreparedCampaign prepared = prepare(definition("strategies: [direct]", "judges: [" + entry.example() + "]",
                        "- {model: sim}"))) {
                    assertThat(prepared.primaryJudge().id()).startsWith(entry.id() + "(");
                }
            }
            case RUNTIME -> {
                String target = "- " + entry.example().replace("model.gguf", gguf.toString().replace("\\", "/"))
                        .replace("}", entry.id().equals("gguf") ? ", gguf: {context_size: " + TinyGguf.CONTEXT
                                + ", threads: 1, chat_template: false}}" : "}");
                try (PreparedCampaign prepared = prepare(definition("strategies: [direct]", "judges: [refusal]", target))) {
                    assertThat(prepared.targets().values()).singleElement()
                            .satisfies(t -> assertThat(t.model().id()).startsWith(entry.id()));
                }
            }
            default -> throw new AssertionError("no check for " + entry.kind());
        }
    }

    @TestFactory
    Stream<DynamicTest> aMistypedIdIsRefusedWithTheNearestAndTheValidOnes() {
        return Stream.of(Kind.values()).map(kind -> DynamicTest.dynamicTest(kind.label(), () -> {
            String valid = Catalogue.ids(kind).get(0);
            String typo = valid.substring(0, valid.length() - 1) + "q";
            assertThatThrownBy(() -> parse(kind, typo)).isInstanceOf(BadInput.class)
                    .hasMessageContaining("unknown " + kind.label() + " '" + typo + "'")
                    .hasMessageContaining("did you mean '" + valid + "'")
                    .hasMessageContaining(Catalogue.ids(kind).toString());
            assertThatThrownBy(() -> parse(kind, "xyzzy-nothing")).isInstanceOf(BadInput.class)
                    .hasMessageNotContaining("did you mean").hasMessageContaining(Catalogue.ids(kind).toString());
        }));
    }

    @Test
    void theParsersAcceptExactlyTheCatalogueIds() {
        for (Kind kind : Kind.values()) {
            for (String id : Catalogue.ids(kind)) {
                assertThat(Catalogue.require(kind, id, "").id()).isEqualTo(id);
            }
        }
        assertThat(JudgeSpec.parse("judge:sim")).isEqualTo(JudgeSpec.parse("llm:sim")).as("judge:SPEC is llm:SPEC");
        assertThat(JudgeSpec.parse("pm:head.json").argument()).isEqualTo("head.json");
        assertThatThrownBy(() -> JudgeSpec.parse("llm")).hasMessageContaining("names its model");
    }

    /** The part of a campaign file where each kind's id is written, with {@code id} in it. */
    private static void parse(Kind kind, String id) {
        switch (kind) {
            case STRATEGY -> definition("strategies: [" + id + "]", "judges: [refusal]", "- {model: sim}").strategies();
            case CONVERTER -> definition("strategies: [{converters: [" + id + "]}]", "judges: [refusal]", "- {model: sim}").strategies();
            case TEMPLATE -> definition("strategies: [{template: " + id + "}]", "judges: [refusal]", "- {model: sim}").strategies();
            case PAYLOAD -> definition("strategies: [{system_prompt_extraction: {payloads: [" + id + "]}}]", "judges: [canary]",
                    "- {model: sim}").strategies();
            case JUDGE -> definition("strategies: [direct]", "judges: [" + id + "]", "- {model: sim}").judges();
            case RUNTIME -> prepare(definition("strategies: [direct]", "judges: [refusal]", "- {model: " + id + ":model}")).close();
            default -> throw new AssertionError(kind);
        }
    }

    private static CampaignDefinition definition(String strategies, String judges, String target) {
        String yaml = "name: catalogue\nattacker: sim\ntargets:\n  " + target + "\n" + strategies + "\n" + judges + "\n";
        return CampaignDefinition.parse(yaml, "catalogue.yaml", dir);
    }

    private static PreparedCampaign prepare(CampaignDefinition definition) {
        return definition.prepare(definition.plan(SEEDS), ENVIRONMENT);
    }
}
