package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.RedTeamTask;
import org.redteam4j.app.workbench.Ratings;
import org.redteam4j.app.workbench.TargetUnavailable;
import org.redteam4j.app.workbench.Wellbeing;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;

/**
 * The members' pages: their tasks (with each campaign's own content warning and what is left of
 * the daily cap), opting out, and the attempt with its A/B choices, cancelling a draw and abandoning.
 */
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
        app.post("/tasks/{id}/warning", ctx -> {
            workbench.wellbeing().acceptWarning(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("warning_sha256"));
            ctx.redirect("/tasks#campaign-" + Params.id(ctx));
        });
        app.post("/tasks/opt-out", ctx -> {
            workbench.campaigns().setOptedOut(WebApp.principal(ctx), !"in".equals(ctx.formParam("direction")));
            ctx.redirect("/tasks");
        });
        app.post("/tasks/{id}/start", ctx -> ctx.redirect("/attempts/"
                + workbench.task().start(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("task_description"))));
        app.get("/attempts/{id}", ctx -> attemptPage(ctx, workbench.task().attempt(WebApp.principal(ctx), Params.id(ctx)), null, null));
        app.post("/attempts/{id}/message", this::send);
        // the composer's Cancel without the script: the browser stops waiting for the send, this discards its draw
        app.post("/attempts/{id}/cancel", ctx -> {
            Principal member = WebApp.principal(ctx);
            RedTeamTask.Cancelled cancelled = workbench.task().cancel(member, Params.id(ctx));
            if (member.account().optedOut()) { // stopping is allowed; the task's page is not
                ctx.redirect("/tasks");
                return;
            }
            LiveAttempt attempt = workbench.task().attempt(member, Params.id(ctx));
            attemptPage(ctx, attempt, attempt.awaitingChoice() ? null : ctx.formParam("message"), switch (cancelled) {
                case DISCARDED -> "Cancelled: the replies were discarded. Your message is kept; send it again when you like.";
                case NONE -> "Nothing was being drawn: your message was not sent. It is kept; send it when you like.";
                case STORED -> null; // too late: the page shows the stored message and its replies
            });
        });
        app.post("/attempts/{id}/choose", ctx -> {
            workbench.task().choose(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("label"));
            ctx.redirect("/attempts/" + Params.id(ctx) + "#composer");
        });
        app.post("/attempts/{id}/finish", this::finish);
        app.post("/attempts/{id}/abandon", ctx -> {
            workbench.task().abandon(WebApp.principal(ctx), Params.id(ctx));
            ctx.redirect("/tasks?abandoned=" + Params.id(ctx));
        });
    }

    private void tasks(Context ctx) {
        Principal member = WebApp.principal(ctx);
        member.require(Account.Role.MEMBER);
        Map<String, Object> model = new HashMap<>();
        model.put("optedOut", member.account().optedOut());
        model.put("warned", member.account().warningAcknowledgedAt() != null);
        List<Map<String, Object>> campaigns = new ArrayList<>();
        if (!member.account().optedOut()) { // an opted-out member sees only that, and how to opt back in
            for (Campaign campaign : workbench.campaigns().open(member)) {
                Map<String, Object> row = new HashMap<>();
                row.put("campaign", campaign);
                RedTeamTask.Standing standing = workbench.task().standing(member, campaign);
                row.put("done", standing.finished());
                row.put("warningAccepted", standing.warningAccepted());
                Wellbeing.warningSha256(campaign).ifPresent(sha -> row.put("warningSha256", sha));
                standing.leftToday().ifPresent(left -> row.put("left", left));
                standing.inProgress().ifPresent(id -> row.put("inProgress", id));
                campaigns.add(row);
            }
        }
        model.put("campaigns", campaigns);
        String abandoned = ctx.queryParam("abandoned");
        if (abandoned != null) {
            model.put("abandoned", true);
        }
        pages.respond(ctx, "tasks", model);
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
