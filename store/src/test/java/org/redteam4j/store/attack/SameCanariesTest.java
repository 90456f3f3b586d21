package org.redteam4j.store.attack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.redteam4j.core.failure.BadInput;

class SameCanariesTest {

    private static String provenance(String canary, String seed) {
        return "{\"redteam4j\": \"x\", \"components\": {\"judge.0\": \"canary(planted)\""
                + (canary == null ? "" : ", \"injection.canary\": \"" + canary + "\", \"injection.seed\": \"" + seed + "\"") + "}}";
    }

    @Test
    void aResumeWithTheSameCanariesOrWithoutInjectionGoesOn() {
        assertThatCode(() -> SameCanaries.check("c", provenance("RT4J-AAAA22BB33", "7"), provenance("RT4J-AAAA22BB33", "7")))
                .doesNotThrowAnyException();
        assertThatCode(() -> SameCanaries.check("c", provenance("RT4J-AAAA22BB33", "7"), provenance(null, null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> SameCanaries.check("c", provenance(null, null), provenance("RT4J-AAAA22BB33", "7")))
                .doesNotThrowAnyException();
        assertThatCode(() -> SameCanaries.check("c", null, provenance("RT4J-AAAA22BB33", "7"))).doesNotThrowAnyException();
    }

    @Test
    void aResumeThatWouldPlantAnotherCanaryIsRefusedNamingBoth() {
        assertThatThrownBy(() -> SameCanaries.check("nightly", provenance("RT4J-AAAA22BB33", "7"), provenance("RT4J-CCCC44DD55", "8")))
                .isInstanceOf(BadInput.class).hasMessageContaining("campaign 'nightly'")
                .hasMessageContaining("injection.canary RT4J-AAAA22BB33").hasMessageContaining("RT4J-CCCC44DD55");
        assertThatThrownBy(() -> SameCanaries.check("nightly", provenance("RT4J-AAAA22BB33", "7"), provenance("RT4J-AAAA22BB33", "8")))
                .isInstanceOf(BadInput.class).hasMessageContaining("injection.seed 7");
    }

    private static String withPrompt(String sha, String send) {
        return "{\"components\": {\"injection.canary\": \"RT4J-AAAA22BB33\", \"injection.seed\": \"7\", "
                + "\"injection.send_system_prompt\": \"" + send + "\", \"injection.system_prompt_sha256\": \"" + sha + "\"}}";
    }

    @Test
    void aResumeBehindAnotherSystemPromptOrSendingItDifferentlyIsRefused() {
        assertThatThrownBy(() -> SameCanaries.check("c", withPrompt("aaaa", "true"), withPrompt("bbbb", "true")))
                .isInstanceOf(BadInput.class).hasMessageContaining("a system prompt of sha256 aaaa").hasMessageContaining("bbbb");
        assertThatThrownBy(() -> SameCanaries.check("c", withPrompt("aaaa", "true"), withPrompt("aaaa", "false")))
                .isInstanceOf(BadInput.class).hasMessageContaining("injection.send_system_prompt true");
        org.assertj.core.api.Assertions.assertThat(SameCanaries.check("c", withPrompt("aaaa", "true"), withPrompt("aaaa", "true")))
                .isEmpty();
    }

    @Test
    void aRunThatFirstPlantsCanariesRecordsThemSoALaterResumeIsCompared() {
        String first = provenance(null, null); // run 1: no injection strategy
        String merged = SameCanaries.check("c", first, provenance("RT4J-AAAA22BB33", "7")).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(merged).contains("\"injection.canary\":\"RT4J-AAAA22BB33\"")
                .contains("\"judge.0\":\"canary(planted)\"");
        assertThatThrownBy(() -> SameCanaries.check("c", merged, provenance("RT4J-CCCC44DD55", "8")))
                .isInstanceOf(BadInput.class).hasMessageContaining("injection.canary RT4J-AAAA22BB33");
    }
}
