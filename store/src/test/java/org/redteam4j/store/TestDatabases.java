package org.redteam4j.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.redteam4j.core.testing.Requirement;

/**
 * Fresh databases for tests: a SQLite file in a temporary folder, or a new database on a real
 * PostgreSQL server — the one named by {@code REDTEAM4J_TEST_POSTGRES} (a JDBC URL of a role allowed
 * to create databases) when it is set, else an {@link EmbeddedServer} this JVM starts from a Maven
 * artifact. So the store contract runs on PostgreSQL on every machine.
 */
public final class TestDatabases {

    public static final String POSTGRES_VARIABLE = "REDTEAM4J_TEST_POSTGRES";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    public static String sqlite(Path dir) {
        return dir.resolve("test-" + COUNTER.incrementAndGet() + ".db").toString();
    }

    /** The admin URL of the test server; a skipped (locally) or failed (in CI) test if none can start. */
    public static String postgresAdminUrl() {
        String url = System.getenv(POSTGRES_VARIABLE);
        if (url != null && !url.isBlank()) {
            return url;
        }
        try {
            return EmbeddedServer.adminUrl();
        } catch (RuntimeException e) {
            Requirement.missing("PostgreSQL test: the embedded server did not start (" + e.getMessage()
                    + "); or set " + POSTGRES_VARIABLE + " to a JDBC URL of a role that may create databases");
            throw e;
        }
    }

    /** Creates an empty database on the test server and returns its URL. */
    public static String createPostgres() {
        String admin = postgresAdminUrl();
        String name = "redteam4j_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(admin, "DROP DATABASE IF EXISTS " + name);
        execute(admin, "CREATE DATABASE " + name);
        return withDatabase(admin, name);
    }

    /**
     * Drops a test database. FORCE ends our own leftover sessions, but not an autovacuum worker
     * (a superuser process) that a large import has woken; it finishes in moments, so try again.
     */
    public static void dropPostgres(String url) {
        String admin = postgresAdminUrl();
        String sql = "DROP DATABASE IF EXISTS " + databaseName(url) + " WITH (FORCE)";
        for (int attempt = 1; ; attempt++) {
            try {
                execute(admin, sql);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 20) {
                    throw e;
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dropping a test database", e);
        }
    }

    static String withDatabase(String url, String name) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        return base + "/" + name + (query < 0 ? "" : url.substring(query));
    }

    public static String databaseName(String url) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        return url.substring(slash + 1, query < 0 ? url.length() : query);
    }

    public static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL server: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The single number a counting query returns, read from the database at {@code location}. */
    public static long count(String location, String sql) {
        return Database.open(location).inTransaction(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
