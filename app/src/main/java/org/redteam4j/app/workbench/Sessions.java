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
    /** What an unknown name's password is compared with, so it costs one bcrypt like a known name's. */
    private final String dummyHash;

    Sessions(Database database, PasswordEncoder passwords, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.dummyHash = passwords.encode(Tokens.random());
        this.limiter = new LoginLimiter(database, clock);
        this.clock = clock;
    }

    /** Returns the raw session token for the cookie; only its hash is stored. */
    public String login(String name, String password, String address) {
        Account account = check(name, password, address).orElseThrow(() -> WorkbenchFailure.notSignedIn("wrong name or password"));
        String token = Tokens.random();
        database.useTransaction(handle ->
                new SessionRepository(handle).create(Tokens.hash(token), account.id(), Tokens.random(), clock.instant().plus(LENGTH)));
        return token;
    }

    /**
     * The account, if the password is right. The check is reserved before bcrypt runs, so parallel
     * guesses all count; an unknown name runs bcrypt too, so timing does not tell which names exist.
     */
    private Optional<Account> check(String name, String password, String address) {
        LoginLimiter.Reservation reservation = limiter.reserve(name, address);
        Optional<Account> right = Optional.empty();
        try {
            Optional<Account> account = database.inTransaction(handle -> new AccountRepository(handle).byName(name));
            String hash = account.map(Account::passwordHash).orElse(null);
            boolean matches = passwords.matches(password == null ? "" : password, hash == null ? dummyHash : hash);
            right = hash == null ? Optional.empty() : account.filter(found -> matches);
        } finally {
            reservation.finish(right.isPresent());
        }
        return right;
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
