package org.redteam4j.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
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
    /** SQLite connections kept open between transactions, per kind (reads, writes). */
    private static final int IDLE_CONNECTIONS = 4;

    /**
     * SQLite has one writer at a time, and every transaction here but {@link #read}'s begins IMMEDIATE (takes the write
     * lock). Threads that find it taken wait in SQLite's busy handler, which sleeps and retries with
     * growing sleeps (up to 100 ms) and no order: under load some waited seconds while later
     * arrivals got in (issue 18's 3 s tail). Within this process they queue instead on one lock per
     * database file, parked until it is released, and reach SQLite's lock only when it is free. (Not
     * a fair lock: on a machine with more runnable threads than cores, handing the lock to a parked
     * thread that must first be scheduled made every write wait for the scheduler.)
     */
    private static final Map<String, ReentrantLock> WRITERS = new ConcurrentHashMap<>();

    private final DatabaseLocation location;
    private final Jdbi jdbi;
    private final Jdbi reader;
    private final ReentrantLock writer; // null: the server orders its own writers (PostgreSQL)
    private final List<DataSource> sources;

    private Database(DatabaseLocation location, Jdbi jdbi, Jdbi reader, List<DataSource> sources) {
        this.location = location;
        this.jdbi = jdbi;
        this.reader = reader;
        this.sources = sources;
        this.writer = location.dialect() == Dialect.SQLITE
                ? WRITERS.computeIfAbsent(sqliteFile(location), file -> new ReentrantLock()) : null;
    }

    private static String sqliteFile(DatabaseLocation location) {
        String file = location.jdbcUrl().substring("jdbc:sqlite:".length());
        return file.startsWith(":memory:") || file.startsWith("file::memory:") ? file + "@" + System.identityHashCode(location)
                : Path.of(file).toAbsolutePath().normalize().toString();
    }

    /**
     * Closes the SQLite connections kept open between transactions; a later transaction opens a new
     * one. What a process that opens many databases (the library API, a test run) calls when done
     * with one, so their files are not held open to its end.
     */
    public void releaseConnections() {
        for (DataSource source : sources) {
            if (source instanceof SqliteConnections connections) {
                connections.closeIdle();
            }
        }
    }

    /** Opens (creating it if needed) and migrates the database at {@code spec}; see {@link DatabaseLocation#parse}. */
    public static Database open(String spec) {
        return open(DatabaseLocation.parse(spec));
    }

    public static Database open(DatabaseLocation location) {
        DataSource dataSource = switch (location.dialect()) {
            case SQLITE -> sqlite(location, SQLiteConfig.TransactionMode.IMMEDIATE);
            case POSTGRESQL -> postgres(location);
        };
        try {
            Flyway.configure()
                    .loggers("slf4j") // the user's logging decides, also where Flyway would guess java.util.logging
                    .dataSource(dataSource)
                    .placeholders(location.dialect().placeholders())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("database " + location + ": cannot be opened or migrated: "
                    + DatabaseLocation.redact(rootMessage(e)), e);
        }
        DataSource reads = location.dialect() == Dialect.SQLITE ? sqlite(location, SQLiteConfig.TransactionMode.DEFERRED)
                : dataSource;
        return new Database(location, Jdbi.create(dataSource), Jdbi.create(reads), List.of(dataSource, reads));
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
        if (writer == null) {
            return run(() -> jdbi.inTransaction(work));
        }
        return run(() -> {
            try (org.jdbi.v3.core.Handle handle = jdbi.open()) { // the connection is opened before queueing for the lock
                writer.lock();
                try {
                    return handle.inTransaction(work);
                } finally {
                    writer.unlock();
                }
            }
        });
    }

    /**
     * Runs {@code work}, which only reads, in one transaction that sees one state of the database.
     * On SQLite it neither takes nor waits for the write lock (a reader in WAL mode sees the last
     * commit while a writer works), so the many reads of a busy server do not queue behind writes.
     */
    public <R, X extends Exception> R read(org.jdbi.v3.core.HandleCallback<R, X> work) throws X {
        return run(() -> reader.inTransaction(work));
    }

    private <R, X extends Exception> R run(Work<R, X> work) throws X {
        try {
            return work.run();
        } catch (JdbiException e) {
            throw new StoreException("database " + location + ": " + DatabaseLocation.redact(rootMessage(e)), e);
        }
    }

    @FunctionalInterface
    private interface Work<R, X extends Exception> {
        R run() throws X;
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
        if (writer != null) {
            writer.lock();
        }
        try {
            handle.useTransaction(work);
        } catch (JdbiException e) {
            throw new StoreException("database " + location + ": " + DatabaseLocation.redact(rootMessage(e)), e);
        } finally {
            if (writer != null) {
                writer.unlock();
            }
        }
    }

    /** {@code full}: every SQLite commit waits for the disk, so an OS crash or power loss loses none (slower under load). */
    public static final String SYNC_VARIABLE = "REDTEAM4J_SQLITE_SYNC";

    static SQLiteConfig.SynchronousMode synchronousMode(String setting) {
        if (setting == null || setting.isBlank() || setting.strip().equalsIgnoreCase("normal")) {
            return SQLiteConfig.SynchronousMode.NORMAL;
        }
        if (setting.strip().equalsIgnoreCase("full")) {
            return SQLiteConfig.SynchronousMode.FULL;
        }
        throw new StoreException("$" + SYNC_VARIABLE + " is '" + setting + "': expected normal or full", null);
    }

    private static DataSource sqlite(DatabaseLocation location, SQLiteConfig.TransactionMode mode) {
        String file = location.jdbcUrl().substring("jdbc:sqlite:".length());
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new StoreException("database " + location + ": the folder " + parent + " does not exist", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit survives the process
        // dying, and only an OS crash or power loss may lose the last ones. FULL made every commit
        // wait for the disk while holding the one write lock, the queue behind issue 18's 3 s tail;
        // whoever prefers that wait to the risk asks for it.
        config.setSynchronous(synchronousMode(System.getenv(SYNC_VARIABLE)));
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        // A deferred transaction that reads and then writes fails at once (SQLITE_BUSY) when another
        // writer got in between; taking the write lock at BEGIN makes concurrent writers wait instead.
        // Only read(), whose work never writes, begins DEFERRED.
        config.setTransactionMode(mode);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(location.jdbcUrl());
        return new SqliteConnections(dataSource, IDLE_CONNECTIONS);
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
