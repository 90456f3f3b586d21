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

    /** Whether a request carries this session's CSRF token. */
    public boolean sentCsrfToken(String sent) {
        return Tokens.same(sent, csrfToken);
    }
}
