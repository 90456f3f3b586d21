package org.redteam4j.app.web;

import io.javalin.Javalin;
import org.redteam4j.app.workbench.Workbench;

/**
 * An admin changing a campaign's content warning: the JSON route, and the same as a form post for
 * the dashboard's page (which returns to it). People accept the new text before they go on.
 */
final class CampaignWarningApi {

    private final Workbench workbench;

    CampaignWarningApi(Workbench workbench) {
        this.workbench = workbench;
    }

    void register(Javalin app) {
        app.post("/api/admin/campaigns/{id}/warning", ctx -> {
            workbench.campaigns().updateWarning(WebApp.principal(ctx), Params.id(ctx),
                    ApiBodies.body(ctx).optionalString("content_warning"));
            ApiBodies.ok(ctx);
        });
        app.post("/admin/campaigns/{id}/warning", ctx -> {
            workbench.campaigns().updateWarning(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("content_warning"));
            ctx.redirect("/admin/campaigns/" + Params.id(ctx));
        });
    }
}
