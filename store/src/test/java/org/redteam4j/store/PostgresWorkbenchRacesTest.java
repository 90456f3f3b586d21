package org.redteam4j.store;

import java.util.ArrayList;
import java.util.List;

class PostgresWorkbenchRacesTest extends WorkbenchRacesContract {

    private final List<String> urls = new ArrayList<>();

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
}
