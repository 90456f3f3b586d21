package org.redteam4j.app.workbench;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.redteam4j.store.Database;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;
import org.redteam4j.store.workbench.InviteRepository;

/**
 * Who may sign in: the first admin, people who accept a one-time invitation (which fixes their
 * role and recruitment source), and the admins' list of members with their recruitment sources.
 */
public final class Accounts {

    public static final int MIN_PASSWORD = Passwords.MIN_LENGTH;

    private final Database database;
    private final Passwords passwords;

    Accounts(Database database, Passwords passwords) {
        this.database = database;
        this.passwords = passwords;
    }

    public long createAdmin(String name, String password) {
        validCredentials(name, password);
        return database.inTransaction(handle -> create(handle, name, Account.Role.ADMIN, null, password));
    }

    /** An admin makes a one-time invitation; the raw token goes into the link, its hash into the store. */
    public String invite(Principal admin, Account.Role role, String recruitmentSource) {
        admin.require(Account.Role.ADMIN);
        String token = Tokens.random();
        database.inTransaction(handle -> {
            new InviteRepository(handle).create(Tokens.hash(token), role, Text.blankToNull(recruitmentSource), admin.id());
            return null;
        });
        return token;
    }

    public Account acceptInvite(String token, String name, String password) {
        validCredentials(name, password);
        return database.inTransaction(handle -> {
            InviteRepository invites = new InviteRepository(handle);
            InviteRepository.Invite invite = invites.findUnused(Tokens.hash(token))
                    .orElseThrow(() -> WorkbenchFailure.notFound("this invitation does not exist or was already used"));
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
