package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Ratings;
import org.redteam4j.app.workbench.Reviews;
import org.redteam4j.app.workbench.Wellbeing;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.attempt.Tags;
import org.redteam4j.store.workbench.Account;

/**
 * The reviewers' page: the next finished attempt to re-rate and tag, behind its campaign's content
 * warning, with replies blurred by default, a break and opting out.
 */
final class ReviewPages {

    private final Workbench workbench;
    private final Pages pages;

    ReviewPages(Workbench workbench, Pages pages) {
        this.workbench = workbench;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/review", this::review);
        app.post("/review/campaigns/{id}/warning", ctx -> {
            workbench.wellbeing().acceptWarning(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("warning_sha256"));
            ctx.redirect("/review");
        });
        app.post("/review/opt-out", ctx -> {
            workbench.campaigns().setOptedOut(WebApp.principal(ctx), !"in".equals(ctx.formParam("direction")));
            ctx.redirect("/review");
        });
        // after /review/opt-out, which the {id} pattern would otherwise take
        app.post("/review/{id}", this::submit);
    }

    /** A refused review (a 7th tag, no rating) comes back on the review page with the rating and tags kept. */
    private void submit(Context ctx) {
        Principal reviewer = WebApp.principal(ctx);
        try {
            workbench.reviews().submit(reviewer, Params.id(ctx), Params.rating(ctx.formParam("rating")), ctx.formParams("tags"));
            ctx.redirect("/review");
        } catch (WorkbenchFailure e) {
            if (e.kind() != WorkbenchFailure.Kind.INVALID) {
                throw e;
            }
            FailureResponses.status(ctx, e);
            Map<String, Object> kept = new HashMap<>();
            kept.put("error", e.getMessage());
            kept.put("keptRating", String.valueOf(ctx.formParam("rating")));
            kept.put("keptTags", ctx.formParams("tags"));
            review(ctx, kept);
        }
    }

    private void review(Context ctx) {
        review(ctx, Map.of());
    }

    private void review(Context ctx, Map<String, Object> kept) {
        Principal reviewer = WebApp.principal(ctx);
        reviewer.require(Account.Role.REVIEWER);
        Map<String, Object> model = new HashMap<>(kept);
        model.put("optedOut", reviewer.account().optedOut());
        if (!reviewer.account().optedOut()) {
            workbench.reviews().next(reviewer).ifPresent(task -> {
                model.put("task", task);
                Wellbeing.warningSha256(task.campaign()).ifPresent(sha -> model.put("warningSha256", sha));
            });
        }
        model.put("tags", Tags.ALL);
        model.put("maxTags", Reviews.MAX_TAGS);
        model.put("ratings", Ratings.LABELS);
        pages.respond(ctx, "review", model);
    }
}
