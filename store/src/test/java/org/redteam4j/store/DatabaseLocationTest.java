package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseLocationTest {

    @Test
    void aPathIsSqliteAndAJdbcUrlIsPostgres() {
        assertThat(DatabaseLocation.parse("data/x.db")).isEqualTo(new DatabaseLocation(Dialect.SQLITE, "jdbc:sqlite:data/x.db"));
        assertThat(DatabaseLocation.parse("jdbc:postgresql://db/rt").dialect()).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void neverShowsAPassword() {
        DatabaseLocation location = DatabaseLocation.parse("jdbc:postgresql://db/rt?user=me&password=s3cret&ssl=true");

        assertThat(location.toString()).isEqualTo("jdbc:postgresql://db/rt?user=me&password=***&ssl=true");
    }

    @Test
    void refusesOtherDatabases() {
        assertThatThrownBy(() -> DatabaseLocation.parse("jdbc:mysql://db/rt?password=x"))
                .hasMessageContaining("unsupported database URL").hasMessageNotContaining("password=x");
    }
}
