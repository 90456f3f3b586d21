package org.redteam4j.store;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * An open redteam4j database, migrated to the current schema. Cheap to hold: connections are
 * opened per {@link org.jdbi.v3.core.Handle}.
 */
public final class Database {

    private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    private final DatabaseLocation location;
    private final Jdbi jdbi;

    private Database(DatabaseLocation location, Jdbi jdbi) {
        this.location = location;
        this.jdbi = jdbi;
    }

    /** Opens (creating it if needed) and migrates the database at {@code spec}; see {@link DatabaseLocation#parse}. */
    public static Database open(String spec) {
        return open(DatabaseLocation.parse(spec));
    }

    public static Database open(DatabaseLocation location) {
        DataSource dataSource = switch (location.dialect()) {
            case SQLITE -> sqlite(location);
            case POSTGRESQL -> postgres(location);
        };
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .placeholders(location.dialect().placeholders())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("database " + location + ": cannot be opened or migrated: "
                    + DatabaseLocation.redact(rootMessage(e)), e);
        }
        return new Database(location, Jdbi.create(dataSource));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return location.dialect();
    }

    public DatabaseLocation location() {
        return location;
    }

    /** Runs {@code work} in one transaction; database failures become {@link StoreException}. */
    public <R, X extends Exception> R inTransaction(org.jdbi.v3.core.HandleCallback<R, X> work) throws X {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw new StoreException("database " + location + ": " + DatabaseLocation.redact(rootMessage(e)), e);
        }
    }

    /** Runs {@code work}, which returns nothing, in one transaction. */
    public <X extends Exception> void useTransaction(org.jdbi.v3.core.HandleConsumer<X> work) throws X {
        inTransaction(handle -> {
            work.useHandle(handle);
            return null;
        });
    }

    /**
     * A connection kept open by its caller for many transactions (a writer that commits all run
     * long); close it when done, and after a {@link StoreException} from it, to reconnect.
     */
    public org.jdbi.v3.core.Handle openHandle() {
        try {
            return jdbi.open();
        } catch (JdbiException e) {
            throw new StoreException("database " + location + ": " + DatabaseLocation.redact(rootMessage(e)), e);
        }
    }

    /** Runs {@code work} in one transaction on {@code handle}, an {@link #openHandle()}; failures become {@link StoreException}. */
    public <X extends Exception> void useTransaction(org.jdbi.v3.core.Handle handle, org.jdbi.v3.core.HandleConsumer<X> work) throws X {
        try {
            handle.useTransaction(work);
        } catch (JdbiException e) {
            throw new StoreException("database " + location + ": " + DatabaseLocation.redact(rootMessage(e)), e);
        }
    }

    private static DataSource sqlite(DatabaseLocation location) {
        String file = location.jdbcUrl().substring("jdbc:sqlite:".length());
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new StoreException("database " + location + ": the folder " + parent + " does not exist", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        // A deferred transaction that reads and then writes fails at once (SQLITE_BUSY) when another
        // writer got in between; taking the write lock at BEGIN makes concurrent writers wait instead.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(location.jdbcUrl());
        return dataSource;
    }

    private static DataSource postgres(DatabaseLocation location) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(location.jdbcUrl());
        return dataSource;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
