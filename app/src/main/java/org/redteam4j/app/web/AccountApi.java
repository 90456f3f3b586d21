package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonFields;

/** The JSON API's sessions: log in and out, the session, changing one's password. */
final class AccountApi {

    static final String PASSWORD_API = "/api/account/password";

    private final Workbench workbench;

    AccountApi(Workbench workbench) {
        this.workbench = workbench;
    }

    void register(Javalin app) {
        app.post("/api/login", ctx -> {
            JsonFields body = ApiBodies.body(ctx);
            String token = workbench.sessions().login(body.string("name"), body.string("password"), ctx.ip());
            WebApp.setSession(ctx, token);
            Principal principal = workbench.sessions().authenticate(token).orElseThrow();
            ApiBodies.json(ctx, session(principal));
        });
        app.get("/api/session", ctx -> ApiBodies.json(ctx, session(WebApp.principal(ctx))));
        app.post(PASSWORD_API, ctx -> {
            JsonFields body = ApiBodies.body(ctx);
            workbench.sessions().changePassword(WebApp.principal(ctx), ctx.cookie(WebApp.SESSION_COOKIE), body.string("current_password"),
                    body.string("new_password"), ctx.ip());
            ApiBodies.ok(ctx);
        });
        app.post("/api/logout", ctx -> {
            workbench.sessions().logout(ctx.cookie(WebApp.SESSION_COOKIE));
            WebApp.logOut(ctx);
            ApiBodies.ok(ctx);
        });
    }

    private static ObjectNode session(Principal principal) {
        return Json.mapper().createObjectNode().put("name", principal.account().name())
                .put("role", principal.account().role().id()).put("csrf_token", principal.csrfToken())
                .put("password_change_required", principal.account().passwordChangeRequired());
    }
}
