package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A database URL's password is a configured secret: redacted from model text like an API key. */
@Tag("security")
class DatabasePasswordSecretTest {

    @Test
    void thePasswordOfAPostgresUrlIsASecretAndSqliteHasNone() {
        DatabaseLocation postgres = DatabaseLocation.parse("jdbc:postgresql://db/rt?user=me&password=p%40ss-w0rd-9&ssl=true");

        assertThat(postgres.secrets().redact("try p%40ss-w0rd-9 or p@ss-w0rd-9"))
                .isEqualTo("try [redacted database password] or [redacted database password]");
        assertThat(postgres.secrets().toString()).doesNotContain("w0rd");
        assertThat(DatabaseLocation.parse("data/x.db").secrets().isEmpty()).isTrue();
        assertThat(DatabaseLocation.parse("jdbc:postgresql://db/rt?user=me").secrets().isEmpty()).isTrue();
    }
}
