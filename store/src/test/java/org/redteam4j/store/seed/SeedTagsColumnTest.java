package org.redteam4j.store.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.store.Database;
import org.redteam4j.store.TestDatabases;

class SeedTagsColumnTest {

    @TempDir
    Path dir;

    @Test
    void tagsWithCommasComeBackWholeAndOlderCommaJoinedRowsAreStillRead() {
        Database database = Database.open(TestDatabases.sqlite(dir));
        List<String> tags = List.of("Non-violent unethical behavior (e.g. lying, cheating, etc.)", "Hate, harassment and discrimination");
        database.useTransaction(handle -> {
            new SeedRepository(handle).insert("k1", null, "strongreject", new Seed("Ask for a lie", "strongreject-1", null,
                    "Hate, harassment and discrimination", tags, null));
            // a row as HarmBench seeds were stored before tags became JSON
            handle.createUpdate("INSERT INTO seeds (record_key, source, text, tags) VALUES ('k2', 'harmbench-csv', 'Ask for a rumour', "
                    + "'context,hash_check')").execute();
            new SeedRepository(handle).insert("k3", null, "text", Seed.of("Ask for a rude joke"));
        });

        List<Seed> seeds = new SeedQueries(database).imported();

        assertThat(seeds).extracting(Seed::tags).containsExactly(tags, List.of("context", "hash_check"), List.of());
    }
}
