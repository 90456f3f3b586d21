package org.redteam4j.config.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.BuiltinTemplates;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.attack.Template;
import org.redteam4j.core.failure.BadInput;

/** The templates strategy runs every template, or only those of the families a campaign names. */
class TemplateFamiliesTest {

    private static List<String> strategyIds(String item) {
        String yaml = "name: families\ntargets:\n  - {model: sim}\nstrategies:\n  - " + item + "\njudges: [refusal]\n";
        return CampaignDefinition.parse(yaml, "families.yaml", null).strategies().stream().map(Strategy::id).toList();
    }

    private static List<String> idsOf(String... families) {
        return BuiltinTemplates.ofFamilies(List.of(families)).stream().map(t -> "template:" + t.id()).toList();
    }

    @Test
    void withoutAFamilyEveryTemplateRuns() {
        assertThat(strategyIds("templates")).hasSize(BuiltinTemplates.all().size())
                .containsExactlyElementsOf(Template.ids().stream().map(id -> "template:" + id).toList());
    }

    @Test
    void oneFamilyOrAListRunsOnlyThoseTemplates() {
        assertThat(strategyIds("{templates: {family: fiction}}")).containsExactly("template:fiction-screenplay",
                "template:fiction-villain");
        assertThat(strategyIds("{templates: {family: [authority, many-shot]}}"))
                .containsExactlyElementsOf(idsOf("authority", "many-shot")).contains("template:many-shot");
    }

    @Test
    void anUnknownFamilyNamesTheLineAndTheValidFamilies() {
        assertThatThrownBy(() -> strategyIds("{templates: {family: [fiction, grandma]}}")).isInstanceOf(BadInput.class)
                .hasMessage("families.yaml: line 5: unknown template family 'grandma'; expected one of "
                        + BuiltinTemplates.families());
    }

    @Test
    void aFamilyIsWrittenUnderItsKey() {
        assertThatThrownBy(() -> strategyIds("{templates: fiction}")).isInstanceOf(BadInput.class)
                .hasMessageContaining("line 5: templates takes {family: F} or {family: [F, ...]}");
        assertThatThrownBy(() -> strategyIds("{templates: {famly: fiction}}")).isInstanceOf(BadInput.class)
                .hasMessageContaining("unknown setting 'famly' of strategy 'templates'; expected [family]");
        assertThatThrownBy(() -> strategyIds("{templates: {family: []}}")).isInstanceOf(BadInput.class)
                .hasMessageContaining("templates: family is empty");
        assertThatThrownBy(() -> strategyIds("{templates: {family: [{fiction: 1}]}}")).isInstanceOf(BadInput.class)
                .hasMessageContaining("a template family is a name");
    }
}
