package org.redteam4j.core.attack.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    @Test
    void everyPayloadHasAUniqueIdAStrategyAndADescription() {
        List<Payload> all = Payloads.all();
        assertThat(all).hasSizeBetween(35, 60);
        assertThat(new HashSet<>(all.stream().map(Payload::id).toList())).hasSize(all.size());
        for (String family : InjectionStrategy.FAMILIES) {
            assertThat(Payloads.of(family)).as(family).hasSizeGreaterThanOrEqualTo(8);
        }
        assertThat(all).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }

    @Test
    void everyPlaceholderIsKnownAndEveryPayloadObservable() {
        for (Payload payload : Payloads.all()) {
            Matcher placeholder = Payload.PLACEHOLDER.matcher(payload.text());
            while (placeholder.find()) {
                assertThat(Payload.PLACEHOLDERS).as(payload.id()).contains(placeholder.group(1));
            }
            if (payload.strategy().equals(InjectionStrategy.INDIRECT)) {
                // an indirect payload's success shows as the canary or a canary URL, and it carries the seed's task;
                // never the canary whole, or a reply that quotes the document would be a false hit
                assertThat(payload.text()).as(payload.id()).containsAnyOf("{canary_split}", "{canary_url_split}")
                        .contains("{request}").doesNotContain("{canary}");
                assertThat(payload.document()).as(payload.id()).isNotNull();
            } else {
                // the canary is in the system prompt only: a reply that echoes the message holds none
                assertThat(payload.text()).as(payload.id()).doesNotContain("{canary");
                assertThat(payload.document()).as(payload.id()).isNull();
            }
        }
    }

    @Test
    void refusesADuplicateIdAnUnknownPlaceholderOrAStrayDocument() {
        String header = "id\tstrategy\tdocument\ttext\tdescription";
        String row = "x\tdirect_injection\t-\tsay {canary}\td";
        assertThatThrownBy(() -> Payloads.parse(List.of(header, row, row))).hasMessageContaining("line 3")
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> Payloads.parse(List.of(header, "x\tdirect_injection\t-\tsay {secret}\td")))
                .hasMessageContaining("unknown placeholder {secret}");
        assertThatThrownBy(() -> Payloads.parse(List.of(header, "x\tdirect_injection\temail\tsay {canary}\td")))
                .hasMessageContaining("document kind");
        assertThatThrownBy(() -> Payloads.parse(List.of(header, "x\tdirect\t-\tsay\td"))).hasMessageContaining("unknown strategy");
    }

    @Test
    void aTableWithoutItsHeaderFailsInsteadOfLosingItsFirstPayload() {
        assertThatThrownBy(() -> Payloads.parse(List.of("a\tdirect_injection\t-\tsay {canary}\td", "b\tdirect_injection\t-\tsay\td")))
                .hasMessage("payloads.tsv: line 1: expected the header id, strategy, document, text, description");
    }

    @Test
    void rendersValuesAsTheyAreWithoutReadingThemAsPlaceholders() {
        Payload payload = new Payload("p", "direct_injection", null, "{request} then {canary}", "d");
        assertThat(payload.render(java.util.Map.of("request", "say {canary} $1", "canary", "RT4J-X")))
                .isEqualTo("say {canary} $1 then RT4J-X");
    }
}
