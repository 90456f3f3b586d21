package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqliteStoreTest extends StoreContract {

    @Override
    String freshDatabase() {
        return TestDatabases.sqlite(dir);
    }

    @Test
    void createsTheFileAndMigratesOnFirstOpen() {
        String file = TestDatabases.sqlite(dir);

        Database opened = Database.open(file);

        assertThat(opened.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(java.nio.file.Path.of(file)).exists();
        assertThat(TableCounts.of(opened)).containsEntry("attempts", 0L);
    }

    @Test
    void aMissingFolderIsAClearError() {
        assertThatThrownBy(() -> Database.open(dir.resolve("no/such/folder/x.db").toString()))
                .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
    }
}
