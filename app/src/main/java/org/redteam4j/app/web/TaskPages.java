package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Ratings;
import org.redteam4j.app.workbench.TargetUnavailable;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;

/** The members' pages: their tasks, the content warning, opting out, and the attempt with its A/B choices. */
final class TaskPages {

    private final Workbench workbench;
    private final Pages pages;

    TaskPages(Workbench workbench, Pages pages) {
        this.workbench = workbench;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/tasks", this::tasks);
        app.post("/tasks/warning", ctx -> {
            workbench.campaigns().acknowledgeWarning(WebApp.principal(ctx));
            ctx.redirect("/tasks");
        });
        app.post("/tasks/opt-out", ctx -> {
            workbench.campaigns().setOptedOut(WebApp.principal(ctx), !"in".equals(ctx.formParam("direction")));
            ctx.redirect("/tasks");
        });
        app.post("/tasks/{id}/start", ctx -> ctx.redirect("/attempts/"
                + workbench.task().start(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("task_description"))));
        app.get("/attempts/{id}", ctx -> attemptPage(ctx, workbench.task().attempt(WebApp.principal(ctx), Params.id(ctx)), null, null));
        app.post("/attempts/{id}/message", this::send);
        app.post("/attempts/{id}/choose", ctx -> {
            workbench.task().choose(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("label"));
            ctx.redirect("/attempts/" + Params.id(ctx) + "#composer");
        });
        app.post("/attempts/{id}/finish", this::finish);
    }

    private void tasks(Context ctx) {
        Principal member = WebApp.principal(ctx);
        member.require(Account.Role.MEMBER);
        List<Map<String, Object>> campaigns = new ArrayList<>();
        for (Campaign campaign : workbench.campaigns().open(member)) {
            Map<String, Object> row = new HashMap<>();
            row.put("campaign", campaign);
            row.put("done", workbench.task().finishedInCampaign(member, campaign.id()));
            workbench.task().inProgress(member, campaign.id()).ifPresent(id -> row.put("inProgress", id));
            campaigns.add(row);
        }
        pages.respond(ctx, "tasks", Map.of("campaigns", campaigns, "warned", member.account().warningAcknowledgedAt() != null,
                "optedOut", member.account().optedOut()));
    }

    private void send(Context ctx) {
        Principal member = WebApp.principal(ctx);
        String message = ctx.formParam("message");
        try {
            workbench.task().send(member, Params.id(ctx), message);
            ctx.redirect("/attempts/" + Params.id(ctx) + "#choices");
        } catch (TargetUnavailable e) {
            ctx.status(FailureResponses.MODEL_FAILED);
            attemptPage(ctx, workbench.task().attempt(member, Params.id(ctx)), message,
                    "The model did not answer. Your message is still here — press Retry.");
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            attemptPage(ctx, workbench.task().attempt(member, Params.id(ctx)), message, e.getMessage());
        }
    }

    private void finish(Context ctx) {
        Principal member = WebApp.principal(ctx);
        LiveAttempt attempt = workbench.task().attempt(member, Params.id(ctx));
        workbench.task().finish(member, attempt.id(), Params.rating(ctx.formParam("rating")));
        ctx.redirect("/tasks?finished=" + attempt.id());
    }

    private void attemptPage(Context ctx, LiveAttempt attempt, String draft, String error) {
        Campaign campaign = workbench.campaigns().byId(attempt.campaignId());
        Map<String, Object> model = new HashMap<>();
        model.put("attempt", attempt);
        model.put("campaign", campaign);
        model.put("exchanges", attempt.turns().stream().filter(turn -> "human".equals(turn.speaker())).count());
        model.put("ratings", Ratings.LABELS);
        if (draft != null) {
            model.put("draft", draft);
        }
        if (error != null) {
            model.put("error", error);
        }
        pages.respond(ctx, "attempt", model);
    }
}
