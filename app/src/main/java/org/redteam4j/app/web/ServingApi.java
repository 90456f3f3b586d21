package org.redteam4j.app.web;

import io.javalin.Javalin;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.format.Json;

/**
 * How the workbench serves a campaign's targets: the answer floor an admin sets so targets cannot
 * be told apart by latency ({@code answer_floor_ms}; 0 = off, null or absent = the slowest
 * target's recent median).
 */
final class ServingApi {

    private final Workbench workbench;

    ServingApi(Workbench workbench) {
        this.workbench = workbench;
    }

    void register(Javalin app) {
        app.post("/api/admin/campaigns/{id}/answer-floor", ctx -> {
            long campaign = Params.id(ctx);
            Long floor = ApiBodies.body(ctx).optionalInteger("answer_floor_ms");
            workbench.answerFloor().set(WebApp.principal(ctx), campaign, floor);
            ApiBodies.json(ctx, Json.mapper().createObjectNode().put("campaign_id", campaign)
                    .put("answer_floor_ms", floor).put("floor_ms", workbench.answerFloor().floorMillis(campaign)));
        });
    }
}
