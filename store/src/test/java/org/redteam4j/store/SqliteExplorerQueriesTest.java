package org.redteam4j.store;

class SqliteExplorerQueriesTest extends ExplorerQueriesContract {

    @Override
    String freshDatabase() {
        return TestDatabases.sqlite(dir);
    }
}
