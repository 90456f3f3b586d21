package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedCategoriesTest {

    private static final String OTHER = "Other";

    @Test
    void strongRejectsSixCategoriesMapOnlyWhereOnePaperTagFits() {
        Map<String, String> expected = Map.of(
                "Disinformation and deception", OTHER, // phishing and propaganda: fraud and misinformation at once
                "Hate, harassment and discrimination", OTHER,
                "Illegal goods and services", OTHER,
                "Non-violent crimes", OTHER,
                "Sexual content", "Adult content",
                "Violence", "Violence & incitement");

        expected.forEach((category, tag) -> assertThat(SeedCategories.tag("strongreject", category)).as(category).isEqualTo(tag));
    }

    @Test
    void jailbreakBenchsTenCategoriesMapOnlyWhereOnePaperTagFits() {
        Map<String, String> expected = Map.of(
                "Harassment/Discrimination", OTHER,
                "Malware/Hacking", OTHER,
                "Physical harm", OTHER,
                "Economic harm", OTHER,
                "Fraud/Deception", "Fraud & deception",
                "Disinformation", "Conspiracy theories & misinformation",
                // porn generation beside child abuse, trafficking and bestiality (its behaviours): several tags at once
                "Sexual/Adult content", OTHER,
                "Privacy", "Soliciting personally identifiable information",
                "Expert advice", OTHER,
                "Government decision-making", OTHER);

        expected.forEach((category, tag) -> assertThat(SeedCategories.tag("jbb-behaviors", category)).as(category).isEqualTo(tag));
    }

    @Test
    void xsTestsContrastTypesMapWhereTheTypeIsAHarm() {
        assertThat(SeedCategories.tag("xstest-prompts", "contrast_discr")).isEqualTo("Discrimination & injustice");
        assertThat(SeedCategories.tag("xstest-prompts", "contrast_privacy")).isEqualTo("Soliciting personally identifiable information");
        assertThat(SeedCategories.tag("xstest-prompts", "contrast_homonyms")).isEqualTo(OTHER);
    }

    @Test
    void doNotAnswersTypesOfHarmMapWhereOnePaperTagFits() {
        assertThat(SeedCategories.tag("do-not-answer", "Toxic language (hate speech)")).isEqualTo("Hate speech & offensive language");
        assertThat(SeedCategories.tag("do-not-answer", "Social stereotypes and unfair discrimination"))
                .isEqualTo("Discrimination & injustice");
        assertThat(SeedCategories.tag("do-not-answer", "Assisting illegal activities")).isEqualTo(OTHER);
        assertThat(SeedCategories.tag("do-not-answer", "Treat Chatbot as a Human")).isEqualTo(OTHER);
    }

    @Test
    void anUnknownCategoryOrSourceIsOther() {
        assertThat(SeedCategories.tag("strongreject", "Cooking")).isEqualTo(OTHER);
        assertThat(SeedCategories.tag("sorry-bench", "7")).isEqualTo(OTHER);
        assertThat(SeedCategories.tag("no-such-source", "Violence")).isEqualTo(OTHER);
        assertThat(SeedCategories.tag("advbench", null)).isEqualTo(OTHER);
    }

    @Test
    void categoriesMatchWhateverTheirCaseAndSpaces() {
        // StrongREJECT's two files spell one category with different case
        assertThat(SeedCategories.tag("strongreject", " sexual CONTENT ")).isEqualTo("Adult content");
        assertThat(SeedCategories.tag("jbb-behaviors", "fraud/deception")).isEqualTo("Fraud & deception");
    }

    @Test
    void theTagsAreThePaperTagFirstThenTheSourcesCategory() {
        assertThat(SeedCategories.tags("jbb-behaviors", "Privacy"))
                .containsExactly("Soliciting personally identifiable information", "Privacy");
        assertThat(SeedCategories.tags("strongreject", "Hate, harassment and discrimination"))
                .containsExactly(OTHER, "Hate, harassment and discrimination");
        assertThat(SeedCategories.tags("do-not-answer", "Adult Content")).as("the same words are not repeated")
                .containsExactly("Adult content");
        assertThat(SeedCategories.tags("advbench", null)).containsExactly(OTHER);
    }
}
