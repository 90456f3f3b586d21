package org.redteam4j.store;

class SqliteWorkbenchRacesTest extends WorkbenchRacesContract {

    @Override
    String freshDatabase() {
        return TestDatabases.sqlite(dir);
    }
}
