package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.redteam4j.app.workbench.Dashboard;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonFields;
import org.redteam4j.core.format.RecordPosition;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.DashboardQueries;
import org.redteam4j.store.workbench.InviteRepository;

/** The JSON API: the same actions as the pages, for automation and tests. Documented in the README. */
final class ApiRoutes {

    static final String PASSWORD_API = "/api/account/password";
    /** A body is one JSON object and nothing after it. */
    private static final ObjectReader BODY = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Where a field's error says it is; {@link FailureResponses} shows the field and the problem only. */
    private static final RecordPosition REQUEST = new RecordPosition("the request body", 1, 0);

    private final Workbench workbench;
    private final Supplier<String> linkBase;

    ApiRoutes(Workbench workbench, Supplier<String> linkBase) {
        this.workbench = workbench;
        this.linkBase = linkBase;
    }

    void register(Javalin app) {
        app.post("/api/login", ctx -> {
            JsonFields body = body(ctx);
            String token = workbench.sessions().login(body.string("name"), body.string("password"), ctx.ip());
            WebApp.setSession(ctx, token);
            Principal principal = workbench.sessions().authenticate(token).orElseThrow();
            json(ctx, session(principal));
        });
        app.get("/api/session", ctx -> json(ctx, session(WebApp.principal(ctx))));
        app.post(PASSWORD_API, ctx -> {
            JsonFields body = body(ctx);
            workbench.sessions().changePassword(WebApp.principal(ctx), ctx.cookie(WebApp.SESSION_COOKIE), body.string("current_password"),
                    body.string("new_password"), ctx.ip());
            json(ctx, Json.mapper().createObjectNode().put("ok", true));
        });
        app.post("/api/logout", ctx -> {
            workbench.sessions().logout(ctx.cookie(WebApp.SESSION_COOKIE));
            WebApp.clearSession(ctx);
            json(ctx, Json.mapper().createObjectNode().put("ok", true));
        });

        app.post("/api/admin/invites", ctx -> {
            JsonFields body = body(ctx);
            String token = workbench.accounts().invite(WebApp.principal(ctx), role(body), body.optionalString("recruitment_source"));
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
            workbench.accounts().setRecruitmentSource(WebApp.principal(ctx), id(ctx), body(ctx).optionalString("recruitment_source"));
            json(ctx, Json.mapper().createObjectNode().put("ok", true));
        });
        app.post("/api/admin/campaigns", ctx -> {
            JsonFields body = body(ctx);
            long id = workbench.campaigns().create(WebApp.principal(ctx), body.string("name"),
                    Objects.requireNonNullElse(body.optionalString("instructions"), ""), body.optionalString("content_warning"),
                    Objects.requireNonNullElse(body.optionalSmallInteger("attempts_per_task"), 5),
                    Objects.requireNonNullElse(body.optionalSmallInteger("suggested_turns"), 4),
                    body.optionalSmallInteger("daily_cap"), body.string("targets_yaml"));
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
            JsonFields body = body(ctx);
            long id = workbench.task().start(WebApp.principal(ctx), body.integer("campaign_id"), body.string("task_description"));
            json(ctx, attempt(workbench.task().attempt(WebApp.principal(ctx), id)));
        });
        app.get("/api/attempts/{id}", ctx -> json(ctx, attempt(workbench.task().attempt(WebApp.principal(ctx), id(ctx)))));
        app.post("/api/attempts/{id}/messages", ctx ->
                json(ctx, attempt(workbench.task().send(WebApp.principal(ctx), id(ctx), body(ctx).string("text")))));
        app.post("/api/attempts/{id}/choice", ctx ->
                json(ctx, attempt(workbench.task().choose(WebApp.principal(ctx), id(ctx), body(ctx).string("label")))));
        app.post("/api/attempts/{id}/finish", ctx -> {
            workbench.task().finish(WebApp.principal(ctx), id(ctx), body(ctx).number("rating"));
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
            Principal reviewer = WebApp.principal(ctx);
            long id = id(ctx);
            JsonFields body = body(ctx);
            workbench.reviews().submit(reviewer, id, body.number("rating"),
                    Objects.requireNonNullElse(body.optionalStrings("tags"), List.of()));
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
        node.put("target_failures", dashboard.targetFailures());
        ArrayNode failures = node.putArray("recent_target_failures");
        for (DashboardQueries.FailureRow failure : dashboard.recentFailures()) {
            failures.addObject().put("target", failure.target()).put("attempt_id", failure.attemptId())
                    .put("failed_at", failure.failedAt().toString()).put("message", failure.message());
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

    /** The body: one JSON object, its fields read by {@link JsonFields}, whose refusals name the field (as import's do). */
    private static JsonFields body(Context ctx) {
        try {
            JsonNode node = BODY.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw WorkbenchFailure.invalid("expected a JSON object");
            }
            return new JsonFields((ObjectNode) node, REQUEST);
        } catch (IOException e) {
            throw WorkbenchFailure.invalid("the body is not valid JSON");
        }
    }

    private static Account.Role role(JsonFields body) {
        return Account.Role.fromId(body.choice("role", Arrays.stream(Account.Role.values()).map(Account.Role::id).toList()));
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
