package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Entry;
import org.redteam4j.core.catalogue.Kind;
import org.redteam4j.core.failure.BadInput;

/** The templates that ship with redteam4j: declared once, grouped by family, each a framing with one placeholder. */
class BuiltinTemplatesTest {

    private static final String HEADER = "# comment\nid\tfamily\tdescription\n";

    @Test
    void atLeastTwentyTemplatesCoverTheTacticFamilies() {
        assertThat(BuiltinTemplates.all()).hasSizeGreaterThanOrEqualTo(21);
        assertThat(BuiltinTemplates.families()).contains("role-play", "hypothetical", "authority", "research-framing",
                "refusal-suppression", "prefix-injection", "output-format", "fiction", "developer-mode", "many-shot",
                "translation", "continuation", "persona-split").doesNotHaveDuplicates();
    }

    @Test
    void theFirstTemplatesKeepTheirIdsForStoredResults() {
        assertThat(BuiltinTemplates.all()).extracting(Template::id)
                .contains("role-play", "hypothetical", "prefix-injection", "refusal-suppression", "many-shot")
                .doesNotHaveDuplicates();
        assertThat(Template.byId("many-shot").family()).isEqualTo("many-shot");
        assertThat(Template.byId("role-play").text()).contains("Max");
    }

    @Test
    void everyTemplatePutsTheRequestInExactlyOnce() {
        for (Template template : BuiltinTemplates.all()) {
            String applied = template.apply("X-REQUEST");
            assertThat(applied.split("X-REQUEST", -1)).as(template.id()).hasSize(2);
            assertThat(applied).as(template.id()).doesNotContain(Template.PLACEHOLDER);
            assertThat(template.description()).as(template.id()).isNotBlank();
        }
    }

    @Test
    void theCatalogueListsExactlyTheDeclaredTemplatesInFileOrder() {
        assertThat(Template.ids()).containsExactlyElementsOf(BuiltinTemplates.all().stream().map(Template::id).toList());
        for (Entry entry : Catalogue.of(Kind.TEMPLATE)) {
            Template template = Template.byId(entry.id());
            assertThat(entry.description()).isEqualTo(template.description());
            assertThat(entry.example()).isEqualTo("{template: " + template.id() + "}");
        }
    }

    @Test
    void familiesSelectTheirTemplatesInFileOrder() {
        List<Template> chosen = BuiltinTemplates.ofFamilies(List.of("persona-split", "fiction"));

        assertThat(chosen).isNotEmpty().allSatisfy(t -> assertThat(t.family()).isIn("fiction", "persona-split"));
        assertThat(chosen).containsExactlyElementsOf(BuiltinTemplates.all().stream()
                .filter(t -> t.family().equals("fiction") || t.family().equals("persona-split")).toList());
        assertThat(chosen.size()).isLessThan(BuiltinTemplates.all().size());
    }

    @Test
    void anUnknownFamilyIsBadInputNamingTheValidOnes() {
        assertThatThrownBy(() -> BuiltinTemplates.ofFamilies(List.of("fiction", "fictoin"))).isInstanceOf(BadInput.class)
                .hasMessage("unknown template family 'fictoin'; expected one of " + BuiltinTemplates.families());
    }

    @Test
    void aMalformedDeclarationFailsNamingItsLine() {
        Map<String, String> texts = Map.of("a", "Frame: {request}", "b", "no placeholder", "c", "{request} and {request}");

        assertThat(BuiltinTemplates.parse(List.of((HEADER + "a\tfam\tA framing.").split("\n")), texts::get))
                .containsExactly(new Template("a", "fam", "A framing.", "Frame: {request}"));
        assertThatThrownBy(() -> parse(HEADER + "a\tfam\tA framing.\na\tfam\tAgain.", texts))
                .hasMessage(BuiltinTemplates.FILE + ": line 4: template id 'a' is declared twice");
        assertThatThrownBy(() -> parse(HEADER + "b\tfam\tNo placeholder.", texts))
                .hasMessageContaining("line 3: template b must contain {request} exactly once, found 0");
        assertThatThrownBy(() -> parse(HEADER + "c\tfam\tTwo placeholders.", texts))
                .hasMessageContaining("found 2");
        assertThatThrownBy(() -> parse(HEADER + "d\tfam\tNo text.", texts))
                .hasMessageContaining("template d has no text (templates/d.txt)");
        assertThatThrownBy(() -> parse(HEADER + "a\tFiction Stuff\tBad family.", texts))
                .hasMessageContaining("the family 'Fiction Stuff' is not lower-case words joined by '-'");
        assertThatThrownBy(() -> parse(HEADER + "a\tfam", texts))
                .hasMessageContaining("expected 3 tab-separated cells (id, family, description), got 2");
        assertThatThrownBy(() -> parse(HEADER + "a\tfam\t ", texts)).hasMessageContaining("line 3: the description cell is empty");
    }

    @Test
    void aDeclarationWithoutItsHeaderFailsInsteadOfLosingItsFirstTemplate() {
        Map<String, String> texts = Map.of("a", "Frame: {request}", "b", "Other: {request}");

        assertThatThrownBy(() -> parse("# comment\na\tfam\tA framing.\nb\tfam\tB framing.", texts))
                .hasMessage(BuiltinTemplates.FILE + ": line 2: expected the header id, family, description");
    }

    private static List<Template> parse(String tsv, Map<String, String> texts) {
        return BuiltinTemplates.parse(List.of(tsv.split("\n")), texts::get);
    }
}
