package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig.SynchronousMode;

/** $REDTEAM4J_SQLITE_SYNC: NORMAL unless asked for FULL; anything else is refused by name, never guessed. */
class SqliteSyncSettingTest {

    @Test
    void normalUnlessFullIsAskedFor() {
        assertThat(Database.synchronousMode(null)).isEqualTo(SynchronousMode.NORMAL);
        assertThat(Database.synchronousMode(" ")).isEqualTo(SynchronousMode.NORMAL);
        assertThat(Database.synchronousMode("normal")).isEqualTo(SynchronousMode.NORMAL);
        assertThat(Database.synchronousMode(" FULL ")).isEqualTo(SynchronousMode.FULL);
    }

    @Test
    void anotherValueIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> Database.synchronousMode("off")).isInstanceOf(StoreException.class)
                .hasMessageContaining("$REDTEAM4J_SQLITE_SYNC is 'off'").hasMessageContaining("normal or full");
    }
}
