package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.util.Optional;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Wellbeing;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonFields;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;

/**
 * The JSON API's red-team task: open campaigns (with what is left of the daily cap), the content
 * warnings, opting out and in, and attempts with their A/B choices, cancelling a draw and abandoning.
 */
final class TaskApi {

    private final Workbench workbench;

    TaskApi(Workbench workbench) {
        this.workbench = workbench;
    }

    void register(Javalin app) {
        app.get("/api/campaigns", ctx -> {
            Principal principal = WebApp.principal(ctx);
            ArrayNode campaigns = Json.mapper().createArrayNode();
            for (Campaign campaign : workbench.campaigns().open(principal)) {
                ObjectNode node = campaigns.addObject().put("id", campaign.id()).put("name", campaign.name())
                        .put("instructions", campaign.instructions()).put("suggested_turns", campaign.suggestedTurns())
                        .put("attempts_per_task", campaign.attemptsPerTask()).put("content_warning", campaign.contentWarning())
                        .put("warning_sha256", Wellbeing.warningSha256(campaign).orElse(null));
                if (principal.is(Account.Role.MEMBER) || principal.is(Account.Role.REVIEWER)) {
                    node.put("warning_accepted", workbench.wellbeing().warningAccepted(principal, campaign));
                }
                if (principal.is(Account.Role.MEMBER)) { // null: the campaign has no daily cap
                    Optional<Integer> left = workbench.task().attemptsLeftToday(principal, campaign);
                    node.put("daily_cap", campaign.dailyCap());
                    node.put("attempts_left_today", left.orElse(null));
                }
            }
            ApiBodies.json(ctx, campaigns);
        });
        app.post("/api/warning", ctx -> {
            workbench.campaigns().acknowledgeWarning(WebApp.principal(ctx));
            ApiBodies.ok(ctx);
        });
        app.post("/api/campaigns/{id}/warning", ctx -> {
            workbench.wellbeing().acceptWarning(WebApp.principal(ctx), Params.id(ctx), ApiBodies.body(ctx).optionalString("warning_sha256"));
            ApiBodies.ok(ctx);
        });
        app.post("/api/opt-out", ctx -> {
            workbench.campaigns().setOptedOut(WebApp.principal(ctx), true);
            ApiBodies.ok(ctx);
        });
        app.post("/api/opt-in", ctx -> {
            workbench.campaigns().setOptedOut(WebApp.principal(ctx), false);
            ApiBodies.ok(ctx);
        });
        app.post("/api/attempts", ctx -> {
            JsonFields body = ApiBodies.body(ctx);
            long id = workbench.task().start(WebApp.principal(ctx), body.integer("campaign_id"), body.string("task_description"));
            ApiBodies.json(ctx, attempt(workbench.task().attempt(WebApp.principal(ctx), id)));
        });
        app.get("/api/attempts/{id}", ctx -> ApiBodies.json(ctx, attempt(workbench.task().attempt(WebApp.principal(ctx), Params.id(ctx)))));
        app.post("/api/attempts/{id}/messages", ctx -> ApiBodies.json(ctx,
                attempt(workbench.task().send(WebApp.principal(ctx), Params.id(ctx), ApiBodies.body(ctx).string("text")))));
        app.post("/api/attempts/{id}/cancel", ctx -> ApiBodies.json(ctx, Json.mapper().createObjectNode()
                .put("cancelled", workbench.task().cancel(WebApp.principal(ctx), Params.id(ctx)).id())));
        app.post("/api/attempts/{id}/choice", ctx -> ApiBodies.json(ctx,
                attempt(workbench.task().choose(WebApp.principal(ctx), Params.id(ctx), ApiBodies.body(ctx).string("label")))));
        app.post("/api/attempts/{id}/finish", ctx -> {
            workbench.task().finish(WebApp.principal(ctx), Params.id(ctx), ApiBodies.body(ctx).number("rating"));
            ApiBodies.json(ctx, attempt(workbench.task().attempt(WebApp.principal(ctx), Params.id(ctx))));
        });
        app.post("/api/attempts/{id}/abandon", ctx -> {
            Principal member = WebApp.principal(ctx);
            workbench.task().abandon(member, Params.id(ctx));
            // someone who opted out may stop, but is shown no task content: the id and status only
            ApiBodies.json(ctx, member.account().optedOut()
                    ? Json.mapper().createObjectNode().put("id", Params.id(ctx)).put("status", "abandoned")
                    : attempt(workbench.task().attempt(member, Params.id(ctx))));
        });
    }

    /** What a member may see of an attempt: never the target. */
    static ObjectNode attempt(LiveAttempt attempt) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", attempt.id()).put("campaign_id", attempt.campaignId()).put("status", attempt.status())
                .put("task_description", attempt.taskDescription()).put("awaiting_choice", attempt.awaitingChoice());
        if (attempt.rating() != null) {
            node.put("rating", attempt.rating());
        }
        ArrayNode turns = node.putArray("turns");
        for (LiveAttempt.LiveTurn turn : attempt.turns()) {
            ObjectNode t = turns.addObject().put("speaker", turn.speaker()).put("text", turn.text());
            if (!turn.candidates().isEmpty()) {
                t.put("same_replies", turn.identicalCandidates()); // the model gave one reply twice: shown with a note
                ArrayNode candidates = t.putArray("candidates");
                turn.candidates().forEach(c -> candidates.addObject().put("label", c.label()).put("text", c.text())
                        .put("picked", c.picked()));
            }
        }
        return node;
    }
}
