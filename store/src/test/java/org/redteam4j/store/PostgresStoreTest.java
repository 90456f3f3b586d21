package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContract {

    private String url;

    @Override
    String freshDatabase() {
        url = TestDatabases.createPostgres();
        return url;
    }

    @Override
    void dropDatabase() {
        if (url != null) {
            TestDatabases.dropPostgres(url);
        }
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
