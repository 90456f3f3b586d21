package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.redteam4j.app.workbench.Dashboard;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.DashboardQueries;
import org.redteam4j.store.workbench.InviteRepository;

/** The JSON API: the same actions as the pages, for automation and tests. Documented in the README. */
final class ApiRoutes {

    static final String PASSWORD_API = "/api/account/password";

    private final Workbench workbench;
    private final Supplier<String> linkBase;

    ApiRoutes(Workbench workbench, Supplier<String> linkBase) {
        this.workbench = workbench;
        this.linkBase = linkBase;
    }

    void register(Javalin app) {
        app.post("/api/login", ctx -> {
            JsonNode body = body(ctx);
            String token = workbench.sessions().login(text(body, "name"), text(body, "password"), ctx.ip());
            WebApp.setSession(ctx, token);
            Principal principal = workbench.sessions().authenticate(token).orElseThrow();
            json(ctx, session(principal));
        });
        app.get("/api/session", ctx -> json(ctx, session(WebApp.principal(ctx))));
        app.post(PASSWORD_API, ctx -> {
            JsonNode body = body(ctx);
            workbench.sessions().changePassword(WebApp.principal(ctx), ctx.cookie(WebApp.SESSION_COOKIE), text(body, "current_password"),
                    text(body, "new_password"), ctx.ip());
            json(ctx, Json.mapper().createObjectNode().put("ok", true));
        });
        app.post("/api/logout", ctx -> {
            workbench.sessions().logout(ctx.cookie(WebApp.SESSION_COOKIE));
            WebApp.clearSession(ctx);
            json(ctx, Json.mapper().createObjectNode().put("ok", true));
        });

        app.post("/api/admin/invites", ctx -> {
            JsonNode body = body(ctx);
            String token = workbench.accounts().invite(WebApp.principal(ctx), Account.Role.fromId(text(body, "role")),
                    body.path("recruitment_source").asText(null));
            json(ctx, Json.mapper().createObjectNode().put("invite_path", "/invite/" + token)
                    .put("invite_url", linkBase.get() + "/invite/" + token)
                    .put("expires_in_days", workbench.accounts().inviteLifetime().toDays()));
        });
        app.get("/api/admin/invites", ctx -> {
            ArrayNode invites = Json.mapper().createArrayNode();
            for (InviteRepository.Invite invite : workbench.accounts().openInvites(WebApp.principal(ctx))) {
                invites.addObject().put("id", invite.id()).put("role", invite.role().id())
                        .put("recruitment_source", invite.recruitmentSource()).put("created_at", invite.createdAt().toString())
                        .put("expires_at", workbench.accounts().expiry(invite).toString());
            }
            json(ctx, invites);
        });
        app.post("/api/admin/invites/{id}/revoke", ctx -> {
            workbench.accounts().revokeInvite(WebApp.principal(ctx), id(ctx));
            json(ctx, Json.mapper().createObjectNode().put("ok", true));
        });
        app.get("/api/admin/members", ctx -> {
            ArrayNode accounts = Json.mapper().createArrayNode();
            for (Account account : workbench.accounts().all(WebApp.principal(ctx))) {
                accounts.addObject().put("id", account.id()).put("name", account.name()).put("role", account.role().id())
                        .put("recruitment_source", account.recruitmentSource());
            }
            json(ctx, accounts);
        });
        app.post("/api/admin/members/{id}", ctx -> {
            workbench.accounts().setRecruitmentSource(WebApp.principal(ctx), id(ctx), body(ctx).path("recruitment_source").asText(null));
            json(ctx, Json.mapper().createObjectNode().put("ok", true));
        });
        app.post("/api/admin/campaigns", ctx -> {
            JsonNode body = body(ctx);
            long id = workbench.campaigns().create(WebApp.principal(ctx), text(body, "name"), body.path("instructions").asText(""),
                    body.path("content_warning").asText(null), body.path("attempts_per_task").asInt(5),
                    body.path("suggested_turns").asInt(4), body.hasNonNull("daily_cap") ? body.get("daily_cap").asInt() : null,
                    text(body, "targets_yaml"));
            json(ctx, Json.mapper().createObjectNode().put("campaign_id", id));
        });
        app.get("/api/admin/campaigns/{id}/dashboard", ctx -> json(ctx, dashboard(workbench.dashboards().of(WebApp.principal(ctx), id(ctx)))));

        app.get("/api/campaigns", ctx -> {
            ArrayNode campaigns = Json.mapper().createArrayNode();
            for (Campaign campaign : workbench.campaigns().open(WebApp.principal(ctx))) {
                campaigns.addObject().put("id", campaign.id()).put("name", campaign.name())
                        .put("instructions", campaign.instructions()).put("suggested_turns", campaign.suggestedTurns())
                        .put("attempts_per_task", campaign.attemptsPerTask());
            }
            json(ctx, campaigns);
        });
        app.post("/api/warning", ctx -> {
            workbench.campaigns().acknowledgeWarning(WebApp.principal(ctx));
            json(ctx, Json.mapper().createObjectNode().put("ok", true));
        });
        app.post("/api/attempts", ctx -> {
            JsonNode body = body(ctx);
            long id = workbench.task().start(WebApp.principal(ctx), body.path("campaign_id").asLong(), text(body, "task_description"));
            json(ctx, attempt(workbench.task().attempt(WebApp.principal(ctx), id)));
        });
        app.get("/api/attempts/{id}", ctx -> json(ctx, attempt(workbench.task().attempt(WebApp.principal(ctx), id(ctx)))));
        app.post("/api/attempts/{id}/messages", ctx ->
                json(ctx, attempt(workbench.task().send(WebApp.principal(ctx), id(ctx), text(body(ctx), "text")))));
        app.post("/api/attempts/{id}/choice", ctx ->
                json(ctx, attempt(workbench.task().choose(WebApp.principal(ctx), id(ctx), text(body(ctx), "label")))));
        app.post("/api/attempts/{id}/finish", ctx -> {
            workbench.task().finish(WebApp.principal(ctx), id(ctx), body(ctx).path("rating").asDouble(-1));
            json(ctx, attempt(workbench.task().attempt(WebApp.principal(ctx), id(ctx))));
        });

        app.get("/api/reviews/next", ctx -> {
            ObjectNode result = Json.mapper().createObjectNode();
            workbench.reviews().next(WebApp.principal(ctx)).ifPresentOrElse(task -> {
                result.put("review_id", task.reviewId());
                result.set("attempt", attempt(task.attempt()));
            }, () -> result.putNull("review_id"));
            json(ctx, result);
        });
        app.post("/api/reviews/{id}", ctx -> {
            JsonNode body = body(ctx);
            List<String> tags = new ArrayList<>();
            body.path("tags").forEach(tag -> tags.add(tag.asText()));
            workbench.reviews().submit(WebApp.principal(ctx), id(ctx), body.path("rating").asDouble(-1), tags);
            json(ctx, Json.mapper().createObjectNode().put("ok", true));
        });
    }

    private static ObjectNode session(Principal principal) {
        return Json.mapper().createObjectNode().put("name", principal.account().name())
                .put("role", principal.account().role().id()).put("csrf_token", principal.csrfToken())
                .put("password_change_required", principal.account().passwordChangeRequired());
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
                ArrayNode candidates = t.putArray("candidates");
                turn.candidates().forEach(c -> candidates.addObject().put("label", c.label()).put("text", c.text())
                        .put("picked", c.picked()));
            }
        }
        return node;
    }

    private static ObjectNode dashboard(Dashboard dashboard) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("campaign", dashboard.campaign().name()).put("active_members", dashboard.activeMembers())
                .put("fully_reviewed", dashboard.fullyReviewed());
        putNullable(node, "fleiss_kappa_ratings", dashboard.kappaRatings());
        putNullable(node, "fleiss_kappa_success", dashboard.kappaSuccess());
        putNullable(node, "fleiss_kappa_tags", dashboard.kappaTags());
        ArrayNode targets = node.putArray("targets");
        for (DashboardQueries.TargetRow row : dashboard.targets()) {
            ObjectNode t = targets.addObject().put("target", row.spec()).put("model_type", row.modelType())
                    .put("size", row.size()).put("simulated", row.simulated()).put("attempts", row.attempts());
            putNullable(t, "mean_rating", row.meanRating());
            putNullable(t, "mean_min_harmlessness", row.meanMinHarmlessness());
        }
        return node;
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = Json.mapper().readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw WorkbenchFailure.invalid("expected a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw WorkbenchFailure.invalid("the body is not valid JSON");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw WorkbenchFailure.invalid("field \"" + field + "\" must be a string");
        }
        return value.textValue();
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw WorkbenchFailure.notFound();
        }
    }

    private static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json").result(node.toString());
    }
}
