package org.redteam4j.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections kept open between transactions, up to {@code maxIdle}. Opening one per
 * transaction cost an open and its pragmas each time, and worse: when the last connection to a
 * WAL database closes, SQLite checkpoints the log into the database and deletes it, holding the
 * database's lock while it does — under a busy server that happened whenever the load dipped, and
 * every writer behind it waited. An idle connection kept open leaves checkpoints to SQLite's
 * automatic ones. A connection handed back is rolled back if its work left a transaction open.
 */
final class SqliteConnections implements DataSource {

    private final SQLiteDataSource source;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    SqliteConnections(SQLiteDataSource source, int maxIdle) {
        this.source = source;
        this.maxIdle = maxIdle;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = idle.pollFirst();
        if (real != null) {
            idleCount.decrementAndGet();
        }
        if (real == null || real.isClosed()) {
            real = source.getConnection();
        }
        return lent(real);
    }

    /** Closes the connections kept idle; a later transaction opens a new one. */
    void closeIdle() {
        for (Connection real = idle.pollFirst(); real != null; real = idle.pollFirst()) {
            idleCount.decrementAndGet();
            try {
                real.close();
            } catch (SQLException e) {
                // closing an idle connection that failed: nothing of it is left to give back
            }
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    private Connection lent(Connection real) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!closed[0]) {
                                closed[0] = true;
                                giveBack(real);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed[0] || real.isClosed();
                        }
                        case "unwrap" -> {
                            return ((Class<?>) args[0]).isInstance(proxy) ? proxy : real.unwrap((Class<?>) args[0]);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                            if (closed[0]) {
                                throw new SQLException("connection is closed");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    private void giveBack(Connection real) throws SQLException {
        try {
            if (real.isClosed()) {
                return;
            }
            if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
        } catch (SQLException e) {
            real.close();
            throw e;
        }
        if (idleCount.incrementAndGet() <= maxIdle) {
            idle.offerFirst(real);
        } else {
            idleCount.decrementAndGet();
            real.close();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return source.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        source.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        source.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return source.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return source.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : source.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || source.isWrapperFor(iface);
    }
}
