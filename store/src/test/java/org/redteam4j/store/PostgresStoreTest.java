package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    String freshDatabase() {
        return databases.fresh();
    }

    @Override
    void dropDatabase() {
        databases.dropAll();
    }

    @Test
    void opensThePostgresDialect() {
        assertThat(database.dialect()).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void anUnreachableServerIsAStoreErrorWithoutThePassword() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/nothing?user=u&password=hunter2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("hunter2");
    }
}
