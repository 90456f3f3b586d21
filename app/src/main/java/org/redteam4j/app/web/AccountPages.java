package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.store.workbench.Account;

/** Signing in and out, joining by invitation, changing one's password, and the start page for each role. */
final class AccountPages {

    static final String PASSWORD_PAGE = "/account/password";

    private final Workbench workbench;
    private final Pages pages;

    AccountPages(Workbench workbench, Pages pages) {
        this.workbench = workbench;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/", this::home);
        app.get("/login", ctx -> pages.respond(ctx, "login", Map.of()));
        app.post("/login", this::login);
        app.post("/logout", this::logout);
        app.get("/invite/{token}", ctx -> pages.respond(ctx, "invite", Map.of("token", ctx.pathParam("token"))));
        app.post("/invite/{token}", this::acceptInvite);
        app.get(PASSWORD_PAGE, ctx -> pages.respond(ctx, "password", Map.of()));
        app.post(PASSWORD_PAGE, this::changePassword);
    }

    private void home(Context ctx) {
        Principal principal = ctx.attribute(WebApp.PRINCIPAL);
        if (principal == null) {
            ctx.redirect("/login");
            return;
        }
        ctx.redirect(switch (principal.account().role()) {
            case ADMIN -> "/admin";
            case REVIEWER -> "/review";
            case MEMBER -> "/tasks";
        });
    }

    private void login(Context ctx) {
        try {
            String token = workbench.sessions().login(ctx.formParam("name"), ctx.formParam("password"), ctx.ip());
            WebApp.setSession(ctx, token);
            ctx.redirect("/");
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            pages.respond(ctx, "login", Map.of("error", e.getMessage(), "name", String.valueOf(ctx.formParam("name"))));
        }
    }

    private void logout(Context ctx) {
        workbench.sessions().logout(ctx.cookie(WebApp.SESSION_COOKIE));
        WebApp.logOut(ctx);
        ctx.redirect("/login");
    }

    private void acceptInvite(Context ctx) {
        String token = ctx.pathParam("token");
        try {
            Account account = workbench.accounts().acceptInvite(token, ctx.formParam("name"), ctx.formParam("password"));
            WebApp.setSession(ctx, workbench.sessions().login(account.name(), ctx.formParam("password"), ctx.ip()));
            ctx.redirect("/");
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            pages.respond(ctx, "invite", Map.of("token", token, "error", e.getMessage()));
        }
    }

    private void changePassword(Context ctx) {
        Principal who = WebApp.principal(ctx);
        try {
            if (!String.valueOf(ctx.formParam("new_password")).equals(ctx.formParam("repeat_password"))) {
                throw WorkbenchFailure.invalid("the new passwords differ");
            }
            workbench.sessions().changePassword(who, ctx.cookie(WebApp.SESSION_COOKIE), ctx.formParam("current_password"),
                    ctx.formParam("new_password"), ctx.ip());
            ctx.redirect("/?password=changed");
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            pages.respond(ctx, "password", Map.of("error", e.getMessage()));
        }
    }
}
