package org.redteam4j.app.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.app.CliRun;
import org.redteam4j.core.attack.BuiltinTemplates;
import org.redteam4j.core.attack.Template;
import org.redteam4j.core.format.Json;

/** {@code redteam4j list templates} shows each template's family, as text and in --json. */
class ListTemplatesTest {

    @Test
    void theTextListShowsEachTemplatesFamilyBeforeItsTactic() {
        CliRun run = CliRun.of("list", "templates");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (Template template : BuiltinTemplates.all()) {
            assertThat(run.out()).containsPattern("(?m)^  " + template.id() + " +\\[" + template.family() + "] "
                    + java.util.regex.Pattern.quote(template.description()) + "$");
        }
        assertThat(CliRun.of("list", "strategies").out()).doesNotContain("[fiction]");
    }

    @Test
    void theJsonListCarriesTheFamilyOfTemplatesOnly() throws Exception {
        CliRun run = CliRun.of("list", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> families = new ArrayList<>();
        for (JsonNode entry : Json.mapper().readTree(run.out())) {
            if (entry.get("kind").asText().equals("template")) {
                assertThat(entry.get("family").asText()).isEqualTo(Template.byId(entry.get("id").asText()).family());
                families.add(entry.get("family").asText());
            } else {
                assertThat(entry.has("family")).as(entry.get("id").asText()).isFalse();
            }
        }
        assertThat(families).hasSize(BuiltinTemplates.all().size()).containsAll(BuiltinTemplates.families());
    }
}
