package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.util.List;
import java.util.Objects;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonFields;

/** The JSON API's review task: the next assignment, and a review's rating and tags. */
final class ReviewApi {

    private final Workbench workbench;

    ReviewApi(Workbench workbench) {
        this.workbench = workbench;
    }

    void register(Javalin app) {
        app.get("/api/reviews/next", ctx -> {
            ObjectNode result = Json.mapper().createObjectNode();
            workbench.reviews().next(WebApp.principal(ctx)).ifPresentOrElse(task -> {
                result.put("review_id", task.reviewId());
                result.set("attempt", TaskApi.attempt(task.attempt()));
            }, () -> result.putNull("review_id"));
            ApiBodies.json(ctx, result);
        });
        app.post("/api/reviews/{id}", ctx -> {
            JsonFields body = ApiBodies.body(ctx);
            workbench.reviews().submit(WebApp.principal(ctx), Params.id(ctx), body.number("rating"),
                    Objects.requireNonNullElse(body.optionalStrings("tags"), List.of()));
            ApiBodies.ok(ctx);
        });
    }
}
