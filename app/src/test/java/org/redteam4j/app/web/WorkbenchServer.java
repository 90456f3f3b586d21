package org.redteam4j.app.web;

import java.nio.file.Path;
import java.time.Clock;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.config.Environment;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.store.Database;
import org.redteam4j.store.workbench.AccountRepository;

/** A real workbench on a free loopback port over a fresh SQLite file, with an admin account. */
final class WorkbenchServer implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String PASSWORD = "correct-horse-battery";
    /** One preference model for all tests in this JVM: loading it takes seconds. */
    private static final Environment ENVIRONMENT = Environment.fromSystem()
            .withPreferenceModel(EmbeddedPreferenceModel::loadDefault);

    final Database database;
    final Workbench workbench;
    final WebApp app;
    /** The port it listens on, known after it stopped too. */
    final int port;

    WorkbenchServer(Path dir) {
        this(dir.resolve("workbench.db").toString(), Clock.systemUTC(), WebOptions.defaults(), ENVIRONMENT);
    }

    /** A workbench whose targets are built in {@code environment} (its keys, its preference model). */
    WorkbenchServer(Path dir, Environment environment) {
        this(dir.resolve("workbench.db").toString(), Clock.systemUTC(), WebOptions.defaults(), environment);
    }

    /** A server over {@code database} (a file or PostgreSQL URL, made or reopened); the admin is created the first time. */
    WorkbenchServer(String database, Clock clock, WebOptions options) {
        this(database, clock, options, ENVIRONMENT);
    }

    /** A server over {@code dir}'s database on {@code port}: a restart of one that was stopped, as its users see it. */
    WorkbenchServer(Path dir, int port) {
        this(dir.resolve("workbench.db").toString(), Clock.systemUTC(), WebOptions.defaults(), ENVIRONMENT, port);
    }

    private WorkbenchServer(String database, Clock clock, WebOptions options, Environment environment) {
        this(database, clock, options, environment, 0);
    }

    private WorkbenchServer(String database, Clock clock, WebOptions options, Environment environment, int port) {
        this.database = Database.open(database);
        workbench = new Workbench(this.database, environment, clock);
        if (this.database.inTransaction(handle -> new AccountRepository(handle).byName(ADMIN)).isEmpty()) {
            workbench.accounts().createAdmin(ADMIN, PASSWORD);
        }
        app = new WebApp(workbench, (path, millis) -> { }, options).start("127.0.0.1", port);
        this.port = app.port();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        app.stop();
        workbench.close();
    }
}
