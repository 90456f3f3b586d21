package org.redteam4j.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attempt.Tags;
import org.redteam4j.core.failure.BadInput;

class FrameworkMappingTest {

    /** HarmBench's semantic categories: a seed without tags is broken down by its category. */
    private static final List<String> HARMBENCH_CATEGORIES = List.of("chemical_biological", "copyright",
            "cybercrime_intrusion", "harassment_bullying", "harmful", "illegal", "misinformation_disinformation");

    private static final FrameworkMapping TABLE = FrameworkMapping.builtin();

    private static final String HEADER = "owasp\tLLM01:2025\tPrompt Injection\natlas\tAML.T0054\tLLM Jailbreak\n";

    private static FrameworkMapping read(String text) throws Exception {
        return FrameworkMapping.read(new StringReader(text), "frameworks.tsv");
    }

    @Test
    void aCanaryHitLandsUnderItsStrategysEntriesOnlyNotTheHarmOfTheSeedsTag() {
        FrameworkMapping mapping = FrameworkMapping.builtin();
        String theft = "Theft";

        FrameworkIds leaked = mapping.of(theft, "system_prompt_extraction:spe-repeat-above", "canary(planted)");
        FrameworkIds followed = mapping.of(theft, "indirect_injection:ii-email-last-image", "canary(RT4J-7731ZEBRA99)");
        FrameworkIds jailbroken = mapping.of(theft, "template:role-play", "refusal(embedding-refusal/minilm)");

        assertThat(leaked).isEqualTo(mapping.strategy("system_prompt_extraction"));
        assertThat(followed).isEqualTo(mapping.strategy("indirect_injection"));
        assertThat(jailbroken.atlas()).containsAll(mapping.tag(theft).atlas()).containsAll(mapping.strategy("template").atlas());
        assertThat(mapping.tag(theft).atlas()).isNotEmpty().doesNotContainAnyElementsOf(leaked.atlas());
    }

    @Test
    void everyTagStrategyAndJudgeHasARow() {
        for (String tag : Tags.ALL) {
            assertThat(TABLE.row(FrameworkMapping.Subject.TAG, tag)).as("tag %s", tag).isPresent();
        }
        for (String category : HARMBENCH_CATEGORIES) {
            assertThat(TABLE.row(FrameworkMapping.Subject.TAG, category)).as("HarmBench category %s", category).isPresent();
        }
        for (String strategy : Catalogue.ids(Kind.STRATEGY)) {
            assertThat(TABLE.row(FrameworkMapping.Subject.STRATEGY, strategy)).as("strategy %s", strategy).isPresent();
        }
        for (String judge : Catalogue.ids(Kind.JUDGE)) {
            assertThat(TABLE.row(FrameworkMapping.Subject.JUDGE, judge)).as("judge %s", judge).isPresent();
        }
        // the injection suite's ids (issue 20, area 2)
        for (String strategy : List.of("system_prompt_extraction", "direct_injection", "indirect_injection", "secret_leakage")) {
            assertThat(TABLE.row(FrameworkMapping.Subject.STRATEGY, strategy)).as("strategy %s", strategy).isPresent();
        }
        assertThat(TABLE.row(FrameworkMapping.Subject.JUDGE, "canary")).isPresent();
    }

    @Test
    void noRowNamesAnUnknownId() {
        // a row for an id that is neither a tag nor in the catalogue is a typo or a removed component
        List<String> unknown = new ArrayList<>();
        TABLE.rows(FrameworkMapping.Subject.TAG).stream().map(FrameworkMapping.Row::id)
                .filter(id -> !Tags.ALL.contains(id) && !HARMBENCH_CATEGORIES.contains(id)).forEach(id -> unknown.add("tag " + id));
        TABLE.rows(FrameworkMapping.Subject.STRATEGY).stream().map(FrameworkMapping.Row::id)
                .filter(id -> Catalogue.find(Kind.STRATEGY, id).isEmpty()).forEach(id -> unknown.add("strategy " + id));
        TABLE.rows(FrameworkMapping.Subject.JUDGE).stream().map(FrameworkMapping.Row::id)
                .filter(id -> Catalogue.find(Kind.JUDGE, id).isEmpty()).forEach(id -> unknown.add("judge " + id));
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyIdIsWellFormedAndEveryRowSaysWhy() {
        Pattern owasp = Pattern.compile("LLM(0[1-9]|10):2025");
        Pattern atlas = Pattern.compile("AML\\.T\\d{4}(\\.\\d{3})?");
        for (FrameworkMapping.Subject subject : FrameworkMapping.Subject.values()) {
            for (FrameworkMapping.Row row : TABLE.rows(subject)) {
                row.ids().owasp().forEach(id -> assertThat(id).matches(owasp));
                row.ids().atlas().forEach(id -> assertThat(id).matches(atlas));
                row.ids().all().forEach(id -> assertThat(TABLE.title(id)).as("title of %s", id).isPresent());
                assertThat(row.rationale()).isNotBlank();
            }
        }
        assertThat(TABLE.title("LLM10:2025")).contains("Unbounded Consumption");
        assertThat(TABLE.title("AML.T0051.001")).contains("LLM Prompt Injection: Indirect");
    }

    @Test
    void storedStrategyIdsMapByTheirFamily() {
        assertThat(TABLE.strategy("template:role-play")).isEqualTo(TABLE.strategy("template"));
        assertThat(TABLE.strategy("converters:base64+rot13").atlas()).containsExactly("AML.T0054", "AML.T0068");
        assertThat(TABLE.strategy("iterative:2x2")).isEqualTo(TABLE.strategy("iterative"));
        assertThat(TABLE.strategy("multi-turn:3")).isEqualTo(TABLE.strategy("multi_turn"));
        assertThat(TABLE.strategy("direct").isEmpty()).isTrue();
        assertThat(TABLE.strategy("no-such-strategy")).isEqualTo(FrameworkIds.NONE);
        // the injection strategies store FAMILY:PAYLOAD
        for (org.redteam4j.core.attack.injection.Payload payload : org.redteam4j.core.attack.injection.Payloads.all()) {
            assertThat(TABLE.strategy(payload.strategy() + ":" + payload.id())).isEqualTo(TABLE.strategy(payload.strategy()))
                    .isNotEqualTo(FrameworkIds.NONE);
        }
    }

    @Test
    void aFindingLandsUnderTheUnionOfItsTagStrategyAndJudge() {
        FrameworkIds ids = TABLE.of("Soliciting personally identifiable information", "template:role-play",
                "harm(classifier:harm[minilm])");
        assertThat(ids.owasp()).containsExactly("LLM01:2025", "LLM02:2025");
        assertThat(ids.atlas()).containsExactly("AML.T0048", "AML.T0054", "AML.T0057");
        assertThat(TABLE.of(null, "system_prompt_extraction", "canary").owasp()).containsExactly("LLM01:2025", "LLM07:2025");
    }

    @Test
    void catalogueEntriesMapTemplatesAndConvertersByTheirStrategyFamily() {
        Entry template = Catalogue.find(Kind.TEMPLATE, "role-play").orElseThrow();
        Entry converter = Catalogue.find(Kind.CONVERTER, "base64").orElseThrow();
        assertThat(TABLE.entry(template)).isEqualTo(TABLE.strategy("template"));
        assertThat(TABLE.entry(converter)).isEqualTo(TABLE.strategy("converters"));
        assertThat(TABLE.entry(Catalogue.find(Kind.RUNTIME, "sim").orElseThrow())).isEqualTo(FrameworkIds.NONE);
        // an injection payload maps as the strategy it belongs to
        for (Entry payload : Catalogue.of(Kind.PAYLOAD)) {
            String strategy = org.redteam4j.core.attack.injection.Payloads.find(payload.id()).orElseThrow().strategy();
            assertThat(TABLE.entry(payload)).as("payload %s", payload.id()).isEqualTo(TABLE.strategy(strategy));
            assertThat(TABLE.entry(payload).owasp()).as("payload %s", payload.id()).isNotEmpty();
        }
        assertThat(Catalogue.of(Kind.PAYLOAD)).isNotEmpty();
    }

    @Test
    void readsAWellFormedTable() throws Exception {
        FrameworkMapping table = read("# comment\n" + HEADER + "strategy\tx\tLLM01:2025\tAML.T0054\tbecause\n"
                + "judge\ty\tnone\tnone\tno entry fits\n");
        assertThat(table.strategy("x")).isEqualTo(new FrameworkIds(List.of("LLM01:2025"), List.of("AML.T0054")));
        assertThat(table.judge("y(settings)").isEmpty()).isTrue();
    }

    @Test
    void badLinesNameTheFileLineAndField() {
        assertThatThrownBy(() -> read(HEADER + "strategy\tx\tLLM11:2025\tnone\twhy\n")).isInstanceOf(BadInput.class)
                .hasMessageContaining("frameworks.tsv: line 3, field owasp").hasMessageContaining("'LLM11:2025'");
        assertThatThrownBy(() -> read(HEADER + "strategy\tx\tnone\tAML.T54\twhy\n"))
                .hasMessageContaining("line 3, field atlas").hasMessageContaining("'AML.T54'");
        assertThatThrownBy(() -> read(HEADER + "strategy\tx\tnone\tAML.T0099\twhy\n"))
                .hasMessageContaining("line 3, field atlas").hasMessageContaining("'AML.T0099' is not one");
        assertThatThrownBy(() -> read(HEADER + "seed\tx\tnone\tnone\twhy\n"))
                .hasMessageContaining("line 3, field kind").hasMessageContaining("not 'seed'");
        assertThatThrownBy(() -> read(HEADER + "judge\tx\tnone\tnone\n"))
                .hasMessageContaining("line 3, field columns").hasMessageContaining("got 4");
        assertThatThrownBy(() -> read(HEADER + "judge\tx\tnone\tnone\t \n"))
                .hasMessageContaining("line 3, field rationale");
        assertThatThrownBy(() -> read(HEADER + "judge\tx\tnone\tnone\twhy\njudge\tx\tnone\tnone\twhy\n"))
                .hasMessageContaining("line 4, field id").hasMessageContaining("mapped twice");
        assertThatThrownBy(() -> read(HEADER + "owasp\tLLM01:2025\tAgain\n"))
                .hasMessageContaining("line 3, field id").hasMessageContaining("defined twice");
    }
}
