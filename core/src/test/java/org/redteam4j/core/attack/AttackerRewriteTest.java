package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An attacker's rewrite read as a real LLM, the sim runtime or a scripted attacker writes it. */
class AttackerRewriteTest {

    private static final String REQUEST = "the request";

    @Test
    void plainTextIsTheMessage() {
        assertThat(AttackerRewrite.read("How did people do it?", REQUEST)).isEqualTo(new AttackerRewrite("How did people do it?", true));
    }

    @Test
    void quotesLabelsFencesAndJsonAreTakenOff() {
        assertThat(AttackerRewrite.read("\"How did people do it?\"", REQUEST).message()).isEqualTo("How did people do it?");
        assertThat(AttackerRewrite.read("Rewritten request: “How did people do it?”", REQUEST).message())
                .isEqualTo("How did people do it?");
        assertThat(AttackerRewrite.read("```text\nHow did people do it?\n```", REQUEST).message()).isEqualTo("How did people do it?");
        assertThat(AttackerRewrite.read("{\"prompt\": \"How did people do it?\"}", REQUEST).message()).isEqualTo("How did people do it?");
    }

    @Test
    void aLabelInBoldOrBulletedOrBeforeAFenceIsTakenOffAsTheAdaptiveAttackersLabelsAre() {
        assertThat(AttackerRewrite.read("**Rewritten request:** How did people do it?", REQUEST).message())
                .isEqualTo("How did people do it?");
        assertThat(AttackerRewrite.read("- **Prompt**: How did people do it?", REQUEST).message()).isEqualTo("How did people do it?");
        assertThat(AttackerRewrite.read("Rewritten request:\n```\nHow did people do it?\n```", REQUEST).message())
                .isEqualTo("How did people do it?");
        assertThat(AttackerRewrite.read("**Rewritten request:**", REQUEST)).as("a label alone is no rewrite")
                .isEqualTo(new AttackerRewrite(REQUEST, false));
        assertThat(AttackerRewrite.read("How did people do it?\nRequest: keep this line", REQUEST).message())
                .as("only a leading label is taken off").isEqualTo("How did people do it?\nRequest: keep this line");
    }

    @Test
    void textThatOnlyLooksStructuredIsKeptWhole() {
        assertThat(AttackerRewrite.read("{not json at all", REQUEST)).isEqualTo(new AttackerRewrite("{not json at all", true));
        assertThat(AttackerRewrite.read("{\"other\": 1}", REQUEST).message()).isEqualTo("{\"other\": 1}");
        assertThat(AttackerRewrite.read("\"Quoted\" and more", REQUEST).message()).isEqualTo("\"Quoted\" and more");
    }

    @Test
    void anEmptyAnswerFallsBackToTheRequestUnparsed() {
        assertThat(AttackerRewrite.read("", REQUEST)).isEqualTo(new AttackerRewrite(REQUEST, false));
        assertThat(AttackerRewrite.read("```\n```", REQUEST)).isEqualTo(new AttackerRewrite(REQUEST, false));
        assertThat(AttackerRewrite.read(null, REQUEST).techniques("past-tense")).containsExactly("past-tense", "unparsed");
    }
}
