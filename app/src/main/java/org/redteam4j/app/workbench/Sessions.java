package org.redteam4j.app.workbench;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.redteam4j.store.Database;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;
import org.redteam4j.store.workbench.SessionRepository;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Signing in and out: failed logins are limited per name and address; a session is a random token whose hash is stored. */
public final class Sessions {

    public static final Duration LENGTH = Duration.ofHours(12);

    private final Database database;
    private final PasswordEncoder passwords;
    private final LoginLimiter limiter;
    private final Clock clock;

    Sessions(Database database, PasswordEncoder passwords, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.limiter = new LoginLimiter(clock);
        this.clock = clock;
    }

    /** Returns the raw session token for the cookie; only its hash is stored. */
    public String login(String name, String password, String address) {
        if (limiter.blocked(name, address)) {
            throw WorkbenchFailure.tooMany("too many failed logins; wait " + LoginLimiter.WINDOW.toMinutes() + " minutes",
                    LoginLimiter.WINDOW);
        }
        Optional<Account> account = database.inTransaction(handle -> new AccountRepository(handle).byName(name));
        if (account.isEmpty() || account.get().passwordHash() == null || !passwords.matches(password, account.get().passwordHash())) {
            limiter.failed(name, address);
            throw WorkbenchFailure.notSignedIn("wrong name or password");
        }
        limiter.succeeded(name);
        String token = Tokens.random();
        database.inTransaction(handle -> {
            new SessionRepository(handle).create(Tokens.hash(token), account.get().id(), Tokens.random(), clock.instant().plus(LENGTH));
            return null;
        });
        return token;
    }

    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return database.inTransaction(handle -> new SessionRepository(handle).find(Tokens.hash(token))
                .flatMap(session -> new AccountRepository(handle).byId(session.memberId())
                        .map(account -> new Principal(account, session.csrfToken()))));
    }

    public void logout(String token) {
        database.inTransaction(handle -> {
            new SessionRepository(handle).delete(Tokens.hash(token));
            return null;
        });
    }
}
