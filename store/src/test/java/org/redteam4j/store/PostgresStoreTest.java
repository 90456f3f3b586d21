package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContract {

    private final List<String> urls = new ArrayList<>(); // a test may ask for a second fresh database

    @Override
    String freshDatabase() {
        String url = TestDatabases.createPostgres();
        urls.add(url);
        return url;
    }

    @Override
    void dropDatabase() {
        urls.forEach(TestDatabases::dropPostgres);
        urls.clear();
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
