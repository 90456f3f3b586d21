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
}
