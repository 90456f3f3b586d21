package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Ratings;
import org.redteam4j.app.workbench.ReviewTask;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.attempt.Tags;

/** The reviewers' page: the next finished attempt to re-rate and tag. */
final class ReviewPages {

    private final Workbench workbench;
    private final Pages pages;

    ReviewPages(Workbench workbench, Pages pages) {
        this.workbench = workbench;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/review", this::review);
        app.post("/review/{id}", ctx -> {
            workbench.reviews().submit(WebApp.principal(ctx), Params.id(ctx), Params.rating(ctx.formParam("rating")),
                    ctx.formParams("tags"));
            ctx.redirect("/review");
        });
    }

    private void review(Context ctx) {
        Principal reviewer = WebApp.principal(ctx);
        Optional<ReviewTask> task = workbench.reviews().next(reviewer);
        Map<String, Object> model = new HashMap<>();
        task.ifPresent(t -> model.put("task", t));
        model.put("tags", Tags.ALL);
        model.put("ratings", Ratings.LABELS);
        pages.respond(ctx, "review", model);
    }
}
