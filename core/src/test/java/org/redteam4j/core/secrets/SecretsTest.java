package org.redteam4j.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one redaction rule: values out, names in, nothing else touched. */
@Tag("security")
class SecretsTest {

    private static final String KEY = "sk-live-DO-NOT-LEAK-0123456789";
    private final Secrets secrets = Secrets.of(new Secret("OPENAI_API_KEY", KEY), new Secret("database password", "hunter2-pg"));

    @Test
    void everyOccurrenceBecomesAMarkThatNamesTheSecret() {
        Redacted text = secrets.scan("key " + KEY + ", again " + KEY + "; db hunter2-pg.");

        assertThat(text.text()).isEqualTo("key [redacted OPENAI_API_KEY], again [redacted OPENAI_API_KEY]; "
                + "db [redacted database password].").doesNotContain(KEY);
        assertThat(text.found()).containsExactly("OPENAI_API_KEY", "database password");
        assertThat(secrets.toString()).doesNotContain(KEY).doesNotContain("hunter2");
        assertThat(new Secret("X", KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void theLongerOfTwoOverlappingSecretsWinsAndAMarkIsNeverRewritten() {
        Secrets overlapping = Secrets.of(new Secret("SHORT", "abc"), new Secret("LONG", "xabcx"), new Secret("R", "redacted"));

        assertThat(overlapping.redact("1 xabcx 2 abc 3")).isEqualTo("1 [redacted LONG] 2 [redacted SHORT] 3");
    }

    @Test
    void textWithoutSecretsAndCanaryStringsAreLeftAlone() {
        String canary = "CANARY-7f3a9c1e planted by the attack";

        Redacted text = secrets.scan(canary);

        assertThat(text.text()).isSameAs(canary);
        assertThat(text.changed()).isFalse();
        assertThat(secrets.redact(null)).isNull();
        assertThat(Secrets.NONE.redact(KEY)).isEqualTo(KEY);
    }

    @Test
    void aFindingNamesTheSecretNeverTheValue() {
        assertThat(new Redaction("OPENAI_API_KEY", "reply").finding()).isEqualTo("the reply contained the OPENAI_API_KEY");
    }
}
