package org.redteam4j.store;

import java.util.ArrayList;
import java.util.List;

/** The fresh PostgreSQL databases one test made (a test may ask for more than one), dropped together after it. */
final class PostgresDatabases {

    private final List<String> urls = new ArrayList<>();

    String fresh() {
        String url = TestDatabases.createPostgres();
        urls.add(url);
        return url;
    }

    void dropAll() {
        urls.forEach(TestDatabases::dropPostgres);
        urls.clear();
    }
}
