package org.redteam4j.app.workbench;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.redteam4j.store.Database;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;
import org.redteam4j.store.workbench.SessionRepository;

/**
 * Signing in and out, and changing one's password: password checks are limited per name and
 * address; a session is a random token whose hash is stored.
 */
public final class Sessions {

    public static final Duration LENGTH = Duration.ofHours(12);

    private final Database database;
    private final Passwords passwords;
    private final LoginLimiter limiter;
    private final Clock clock;

    Sessions(Database database, Passwords passwords, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.limiter = new LoginLimiter(database, clock);
        this.clock = clock;
    }

    /**
     * Returns the raw session token for the cookie; only its hash is stored. A right password that
     * no longer meets the rules still signs in, and the person must then change it; an old-style
     * hash is replaced by a pre-hashed one.
     */
    public String login(String name, String password, String address) {
        Account account = check(name, password, address).orElseThrow(() -> WorkbenchFailure.notSignedIn("wrong name or password"));
        // said only to whoever knows the password: it tells nothing about which names exist
        if (!database.inTransaction(handle -> new AccountRepository(handle).active(account.id()))) {
            throw WorkbenchFailure.forbidden("this account has been deactivated; ask an admin to reactivate it");
        }
        boolean weak = account.passwordChangeRequired() || passwords.weakness(account.name(), password).isPresent();
        String rehashed = passwords.isOld(account.passwordHash()) ? passwords.encode(password) : null;
        String token = Tokens.random();
        database.useTransaction(handle -> {
            AccountRepository accounts = new AccountRepository(handle);
            if (rehashed != null) {
                accounts.setPassword(account.id(), rehashed, weak);
            } else if (weak && !account.passwordChangeRequired()) {
                accounts.requirePasswordChange(account.id());
            }
            new SessionRepository(handle).create(Tokens.hash(token), account.id(), Tokens.random(), clock.instant().plus(LENGTH));
        });
        return token;
    }

    /**
     * Changes the signed-in person's password: the current one is checked (and counted by the
     * limiter like a login), the new one must meet the rules, and every other session of theirs ends.
     */
    public void changePassword(Principal who, String sessionToken, String current, String replacement, String address) {
        String name = who.account().name();
        check(name, current, address).orElseThrow(() -> WorkbenchFailure.invalid("the current password is wrong"));
        passwords.weakness(name, replacement).ifPresent(problem -> {
            throw WorkbenchFailure.invalid(problem);
        });
        if (replacement.equals(current)) {
            throw WorkbenchFailure.invalid("choose a password different from the current one");
        }
        String hash = passwords.encode(replacement);
        database.useTransaction(handle -> {
            new AccountRepository(handle).setPassword(who.id(), hash, false);
            new SessionRepository(handle).deleteOthers(who.id(), Tokens.hash(sessionToken));
        });
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
            boolean matches = passwords.matches(password, account.map(Account::passwordHash).orElse(null));
            right = account.filter(found -> matches);
        } finally {
            reservation.finish(right.isPresent());
        }
        return right;
    }

    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return database.read(handle -> new SessionRepository(handle).find(Tokens.hash(token))
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
