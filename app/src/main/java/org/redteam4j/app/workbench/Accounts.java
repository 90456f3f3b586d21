package org.redteam4j.app.workbench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.redteam4j.store.Database;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;
import org.redteam4j.store.workbench.InviteRepository;
import org.redteam4j.store.workbench.ReviewRepository;
import org.redteam4j.store.workbench.SessionRepository;

/**
 * Who may sign in: the first admin, people who accept a one-time invitation (which fixes their
 * role and recruitment source, and expires unless used or revoked first), and the admins' list of
 * members with their recruitment sources.
 */
public final class Accounts {

    public static final int MIN_PASSWORD = Passwords.MIN_LENGTH;
    public static final Duration INVITE_LIFETIME = Duration.ofDays(7);

    private final Database database;
    private final Passwords passwords;
    private final Clock clock;
    private final Duration inviteLifetime;

    Accounts(Database database, Passwords passwords, Clock clock, Duration inviteLifetime) {
        this.database = database;
        this.passwords = passwords;
        this.clock = clock;
        this.inviteLifetime = inviteLifetime;
    }

    /** How long an invitation works after it is made. */
    public Duration inviteLifetime() {
        return inviteLifetime;
    }

    public long createAdmin(String name, String password) {
        validCredentials(name, password);
        return database.inTransaction(handle -> create(handle, name, Account.Role.ADMIN, null, password));
    }

    /** An admin makes a one-time invitation; the raw token goes into the link, its hash into the store. */
    public String invite(Principal admin, Account.Role role, String recruitmentSource) {
        admin.require(Account.Role.ADMIN);
        String token = Tokens.random();
        Instant now = clock.instant();
        database.useTransaction(handle -> new InviteRepository(handle).create(Tokens.hash(token), role,
                Text.blankToNull(recruitmentSource), admin.id(), now, now.plus(inviteLifetime)));
        return token;
    }

    /** Invitations that still work: neither used, revoked nor expired; newest first. */
    public List<InviteRepository.Invite> openInvites(Principal admin) {
        admin.require(Account.Role.ADMIN);
        Instant now = clock.instant();
        return database.inTransaction(handle -> new InviteRepository(handle).unusedNotRevoked()).stream()
                .filter(invite -> expiry(invite).isAfter(now)).toList();
    }

    /** An admin revokes an invitation nobody used yet: its link stops working. */
    public void revokeInvite(Principal admin, long inviteId) {
        admin.require(Account.Role.ADMIN);
        if (!database.inTransaction(handle -> new InviteRepository(handle).revoke(inviteId, clock.instant()))) {
            throw WorkbenchFailure.notFound("no open invitation with this id");
        }
    }

    /** When an invitation stops working; one made before invitations expired counts from when it was made. */
    public Instant expiry(InviteRepository.Invite invite) {
        return invite.expiresAt() != null ? invite.expiresAt() : invite.createdAt().plus(inviteLifetime);
    }

    public Account acceptInvite(String token, String name, String password) {
        validCredentials(name, password);
        return database.inTransaction(handle -> {
            InviteRepository invites = new InviteRepository(handle);
            InviteRepository.Invite invite = invites.findUnused(Tokens.hash(token))
                    .orElseThrow(() -> WorkbenchFailure.notFound("this invitation does not exist or was already used"));
            if (invite.revokedAt() != null) {
                throw WorkbenchFailure.notFound("this invitation was revoked; ask an admin for a new one");
            }
            if (!expiry(invite).isAfter(clock.instant())) {
                throw WorkbenchFailure.notFound("this invitation has expired; ask an admin for a new one");
            }
            long id = create(handle, name, invite.role(), invite.recruitmentSource(), password);
            if (!invites.consume(invite.id(), id)) {
                throw WorkbenchFailure.conflict("this invitation was just used");
            }
            return new AccountRepository(handle).byId(id).orElseThrow();
        });
    }

    public List<Account> all(Principal admin) {
        admin.require(Account.Role.ADMIN);
        return database.inTransaction(handle -> new AccountRepository(handle).all());
    }

    /** Admins set where a person was recruited; it is recorded on each attempt they start from then on. */
    public void setRecruitmentSource(Principal admin, long accountId, String source) {
        admin.require(Account.Role.ADMIN);
        database.inTransaction(handle -> {
            AccountRepository accounts = new AccountRepository(handle);
            accounts.byId(accountId).orElseThrow(WorkbenchFailure::notFound);
            accounts.setRecruitmentSource(accountId, Text.blankToNull(source));
            return null;
        });
    }

    /**
     * An admin deactivates an account: every session of theirs ends at once and they cannot sign in
     * until reactivated; their attempts and done reviews stay, the reviews assigned to them but not done go
     * back to the queue. Nobody deactivates themself or the last active admin (two admins at once included).
     */
    public void deactivate(Principal admin, long accountId) {
        admin.require(Account.Role.ADMIN);
        if (accountId == admin.id()) {
            throw WorkbenchFailure.conflict("you cannot deactivate your own account");
        }
        database.useTransaction(handle -> {
            AccountRepository accounts = new AccountRepository(handle);
            accounts.byId(accountId).filter(found -> found.name() != null).orElseThrow(WorkbenchFailure::notFound);
            if (!accounts.deactivateUnlessLastAdmin(accountId, clock.instant())) {
                throw WorkbenchFailure.conflict("the last active admin cannot be deactivated");
            }
            new SessionRepository(handle).deleteAll(accountId);
            new ReviewRepository(handle).releaseAssigned(accountId); // their undone reviews go to other reviewers
        });
    }

    /** An admin lets a deactivated account sign in again. */
    public void reactivate(Principal admin, long accountId) {
        admin.require(Account.Role.ADMIN);
        database.useTransaction(handle -> {
            AccountRepository accounts = new AccountRepository(handle);
            accounts.byId(accountId).filter(found -> found.name() != null).orElseThrow(WorkbenchFailure::notFound);
            accounts.setActive(accountId, true, clock.instant());
        });
    }

    /** The deactivated accounts and when each was deactivated (null when not known). */
    public java.util.Map<Long, Instant> deactivated(Principal admin) {
        admin.require(Account.Role.ADMIN);
        return database.inTransaction(handle -> new AccountRepository(handle).deactivated());
    }

    /** The latest invitations whatever became of them, for the admins' list (open ones can be revoked). */
    public List<InviteRepository.Listed> latestInvites(Principal admin, int limit) {
        admin.require(Account.Role.ADMIN);
        return database.inTransaction(handle -> new InviteRepository(handle).latest(limit));
    }

    /** What became of an invitation: open, used, revoked or expired. */
    public String state(InviteRepository.Listed listed) {
        if (listed.usedAt() != null) {
            return "used";
        }
        if (listed.invite().revokedAt() != null) {
            return "revoked";
        }
        return expiry(listed.invite()).isAfter(clock.instant()) ? "open" : "expired";
    }

    /**
     * Accounts whose names differ only by case, made before such names were refused; each still
     * signs in with its exact name. {@code serve} lists them at start.
     */
    public List<List<String>> namesDifferingOnlyByCase() {
        return database.inTransaction(handle -> new AccountRepository(handle).namesDifferingOnlyByCase());
    }

    private long create(Handle handle, String name, Account.Role role, String recruitmentSource, String password) {
        AccountRepository accounts = new AccountRepository(handle);
        if (accounts.nameTakenIgnoringCase(name)) {
            throw WorkbenchFailure.invalid("the name '" + name + "' is taken (names differing only by case count as the same)");
        }
        return accounts.create(name, role, recruitmentSource, passwords.encode(password));
    }

    private void validCredentials(String name, String password) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{2,40}")) {
            throw WorkbenchFailure.invalid("a name has 2 to 40 letters, digits, dots, dashes or underscores");
        }
        passwords.weakness(name, password).ifPresent(problem -> {
            throw WorkbenchFailure.invalid(problem);
        });
    }
}
