package org.redteam4j.app.cli;

import org.redteam4j.store.Database;
import org.redteam4j.store.DatabaseLocation;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that touches the store shares. */
public final class DatabaseOption {

    @Option(names = "--db", paramLabel = "DB",
            description = "Database: a file path (SQLite) or a jdbc:postgresql://HOST/DATABASE URL. "
                    + "Default: $REDTEAM4J_DB, else redteam4j.db in the working directory.")
    String spec;

    public DatabaseLocation location() {
        return DatabaseLocation.parse(spec);
    }

    public Database open() {
        return Database.open(location());
    }
}
