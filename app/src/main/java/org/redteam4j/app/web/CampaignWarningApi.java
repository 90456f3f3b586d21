package org.redteam4j.app.web;

import io.javalin.Javalin;
import org.redteam4j.app.workbench.Workbench;

/** The JSON API's admin route that changes a campaign's content warning; people accept the new text before they go on. */
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
    }
}
