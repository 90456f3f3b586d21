package org.redteam4j.app.workbench;

import org.redteam4j.store.workbench.Account;

/** Who is signed in, and the CSRF token of their session. */
public record Principal(Account account, String csrfToken) {

    public boolean is(Account.Role role) {
        return account.role() == role;
    }

    public long id() {
        return account.id();
    }

    /** Refuses anyone who does not have this role. */
    public void require(Account.Role role) {
        if (!is(role)) {
            throw WorkbenchFailure.forbidden();
        }
    }

    /**
     * The well-being rule every red-team and review task call goes through (and any new task, such
     * as labelling): the person has this role and has not opted out. Opting out is reversible.
     */
    public void requireOnTask(Account.Role role) {
        require(role);
        if (account.optedOut()) {
            throw WorkbenchFailure.conflict("you have opted out; opt back in to continue");
        }
    }

    /** Whether a request carries this session's CSRF token. */
    public boolean sentCsrfToken(String sent) {
        return Tokens.same(sent, csrfToken);
    }
}
