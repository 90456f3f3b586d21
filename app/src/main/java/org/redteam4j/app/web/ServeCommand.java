package org.redteam4j.app.web;

import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.redteam4j.app.cli.DatabaseOption;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.ScorerOption;
import org.redteam4j.app.workbench.Accounts;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.config.Environment;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the red-team workbench: admins create campaigns and invite people; red team members chat with a "
                    + "target they never see, pick the more harmful of two replies each turn and rate their success; "
                    + "reviewers re-rate and tag finished attempts. A JSON API under /api/ serves the same actions.",
            "The first admin: serve --create-admin NAME (password from $REDTEAM4J_ADMIN_PASSWORD or asked for)."})
public final class ServeCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "REDTEAM4J_ADMIN_PASSWORD";

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Mixin
    ScorerOption scorer;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 behind a TLS proxy).")
    String host;

    @Option(names = "--create-admin", paramLabel = "NAME", description = "Create this admin account, then serve.")
    String createAdmin;

    @Option(names = "--trust-proxy", paramLabel = "CIDR", split = ",",
            description = "Trust X-Forwarded-For from these proxy addresses (e.g. 127.0.0.1/32, 10.0.0.0/8; repeatable). "
                    + "Off by default: logins are then counted per connecting address.")
    List<String> trustProxy = new ArrayList<>();

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address people reach the workbench at, e.g. https://redteam.example.org (behind a TLS proxy). "
                    + "Invitation links are built from it; without it, from the address the server listens on.")
    String publicUrl;

    @Option(names = "--invite-days", paramLabel = "N", defaultValue = "7",
            description = "How many days an invitation link works (default: ${DEFAULT-VALUE}; 1 to 365).")
    int inviteDays;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        WebOptions options = options();
        Database db = database.open();
        Environment system = Environment.fromSystem().withSecrets(db.location().secrets()); // redacted from model text
        Environment environment = system.withPreferenceModel(() -> scorer.build(system));
        try (Workbench workbench = new Workbench(db, environment, Clock.systemUTC(), Duration.ofDays(inviteDays))) {
            if (createAdmin != null) {
                try {
                    workbench.accounts().createAdmin(createAdmin, password());
                } catch (WorkbenchFailure e) {
                    throw new BadInput(e.getMessage());
                }
                err.println("Created admin " + createAdmin + ".");
            }
            caseWarning(workbench.accounts().namesDifferingOnlyByCase()).ifPresent(err::println);
            WebApp app = new WebApp(workbench, (path, millis) -> { }, options).start(host, port);
            err.printf("The workbench is at %s/ (database %s). Ctrl-C stops it.%n", app.linkBase(), db.location());
            if (options.publicUrl().isEmpty() && (host.equals("0.0.0.0") || host.equals("::"))) {
                err.println("Warning: invitation links will point at " + app.linkBase() + "; set --public-url to the address "
                        + "people use.");
            }
            err.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                stopped.countDown();
            }));
            stopped.await();
        }
        return ExitCodes.OK;
    }

    /** The warning for accounts whose names differ only by case, if there are any. */
    static Optional<String> caseWarning(List<List<String>> groups) {
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Warning: these accounts' names differ only by case (made before that was refused; each still "
                + "signs in with its exact name): " + groups.stream().map(group -> String.join(" / ", group))
                .collect(Collectors.joining("; ")) + ".");
    }

    /** The web layer's options, checked before anything starts: a bad one is bad usage (exit 2). */
    WebOptions options() {
        if (inviteDays < 1 || inviteDays > 365) {
            throw new BadInput("--invite-days " + inviteDays + ": an invitation works for 1 to 365 days");
        }
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(trustProxy);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--trust-proxy " + e.getMessage());
        }
        return new WebOptions(proxies, Optional.ofNullable(publicUrl).map(ServeCommand::publicUrl));
    }

    private static URI publicUrl(String text) {
        try {
            URI url = new URI(text.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getQuery() != null
                    || url.getFragment() != null || url.getUserInfo() != null) {
                throw new URISyntaxException(text, "expected http(s)://HOST[:PORT][/PATH], without query, fragment or user");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new BadInput("--public-url '" + text + "': " + e.getReason());
        }
    }

    private static String password() {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console == null) {
            throw new BadInput("no terminal to ask for the admin password; set " + PASSWORD_VARIABLE);
        }
        char[] first = console.readPassword("Password for the new admin (at least %d characters): ", Accounts.MIN_PASSWORD);
        char[] second = console.readPassword("Again: ");
        if (first == null || !Arrays.equals(first, second)) {
            throw new BadInput("the passwords differ");
        }
        return new String(first);
    }
}
