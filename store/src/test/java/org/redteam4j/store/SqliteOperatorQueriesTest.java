package org.redteam4j.store;

class SqliteOperatorQueriesTest extends OperatorQueriesContract {

    @Override
    String freshDatabase() {
        return TestDatabases.sqlite(dir);
    }
}
