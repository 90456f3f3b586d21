package org.redteam4j.app.web;

import org.redteam4j.store.workbench.Account;

/** Who is logged in, and the CSRF token of their session. */
public record Principal(Account account, String csrfToken) {

    public boolean is(Account.Role role) {
        return account.role() == role;
    }

    public long id() {
        return account.id();
    }
}
