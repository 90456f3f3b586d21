package org.redteam4j.store;

class PostgresWorkbenchRacesTest extends WorkbenchRacesContract {

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
