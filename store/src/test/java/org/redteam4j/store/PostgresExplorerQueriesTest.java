package org.redteam4j.store;

class PostgresExplorerQueriesTest extends ExplorerQueriesContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    String freshDatabase() {
        return databases.fresh();
    }

    @Override
    void dropDatabase() {
        databases.dropAll();
    }
}
