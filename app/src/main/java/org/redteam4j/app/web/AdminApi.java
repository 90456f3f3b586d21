package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.redteam4j.app.workbench.Dashboard;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonFields;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.DashboardQueries;
import org.redteam4j.store.workbench.InviteRepository;

/** The JSON API's admin actions: invitations, people, campaigns and their dashboards. */
final class AdminApi {

    private final Workbench workbench;
    private final Supplier<String> linkBase;

    AdminApi(Workbench workbench, Supplier<String> linkBase) {
        this.workbench = workbench;
        this.linkBase = linkBase;
    }

    void register(Javalin app) {
        app.post("/api/admin/invites", ctx -> {
            JsonFields body = ApiBodies.body(ctx);
            String token = workbench.accounts().invite(WebApp.principal(ctx), role(body), body.optionalString("recruitment_source"));
            ApiBodies.json(ctx, Json.mapper().createObjectNode().put("invite_path", "/invite/" + token)
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
            ApiBodies.json(ctx, invites);
        });
        app.post("/api/admin/invites/{id}/revoke", ctx -> {
            workbench.accounts().revokeInvite(WebApp.principal(ctx), Params.id(ctx));
            ApiBodies.ok(ctx);
        });
        app.get("/api/admin/members", ctx -> {
            ArrayNode accounts = Json.mapper().createArrayNode();
            for (Account account : workbench.accounts().all(WebApp.principal(ctx))) {
                accounts.addObject().put("id", account.id()).put("name", account.name()).put("role", account.role().id())
                        .put("recruitment_source", account.recruitmentSource()).put("opted_out", account.optedOut());
            }
            ApiBodies.json(ctx, accounts);
        });
        app.post("/api/admin/members/{id}", ctx -> {
            workbench.accounts().setRecruitmentSource(WebApp.principal(ctx), Params.id(ctx),
                    ApiBodies.body(ctx).optionalString("recruitment_source"));
            ApiBodies.ok(ctx);
        });
        app.post("/api/admin/campaigns", ctx -> {
            JsonFields body = ApiBodies.body(ctx);
            long id = workbench.campaigns().create(WebApp.principal(ctx), body.string("name"),
                    Objects.requireNonNullElse(body.optionalString("instructions"), ""), body.optionalString("content_warning"),
                    Objects.requireNonNullElse(body.optionalSmallInteger("attempts_per_task"), 5),
                    Objects.requireNonNullElse(body.optionalSmallInteger("suggested_turns"), 4),
                    body.optionalSmallInteger("daily_cap"), body.string("targets_yaml"));
            ApiBodies.json(ctx, Json.mapper().createObjectNode().put("campaign_id", id));
        });
        app.get("/api/admin/campaigns/{id}/dashboard", ctx -> ApiBodies.json(ctx,
                dashboard(workbench.dashboards().of(WebApp.principal(ctx), Params.id(ctx)))));
    }

    private static Account.Role role(JsonFields body) {
        return Account.Role.fromId(body.choice("role", Arrays.stream(Account.Role.values()).map(Account.Role::id).toList()));
    }

    private static ObjectNode dashboard(Dashboard dashboard) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("campaign", dashboard.campaign().name()).put("active_members", dashboard.activeMembers())
                .put("fully_reviewed", dashboard.fullyReviewed());
        ApiBodies.putNullable(node, "fleiss_kappa_ratings", dashboard.kappaRatings());
        ApiBodies.putNullable(node, "fleiss_kappa_success", dashboard.kappaSuccess());
        ApiBodies.putNullable(node, "fleiss_kappa_tags", dashboard.kappaTags());
        ArrayNode targets = node.putArray("targets");
        for (DashboardQueries.TargetRow row : dashboard.targets()) {
            ObjectNode t = targets.addObject().put("target", row.spec()).put("model_type", row.modelType())
                    .put("size", row.size()).put("simulated", row.simulated()).put("attempts", row.attempts());
            ApiBodies.putNullable(t, "mean_rating", row.meanRating());
            ApiBodies.putNullable(t, "mean_min_harmlessness", row.meanMinHarmlessness());
        }
        node.put("target_failures", dashboard.targetFailures());
        ArrayNode failures = node.putArray("recent_target_failures");
        for (DashboardQueries.FailureRow failure : dashboard.recentFailures()) {
            failures.addObject().put("target", failure.target()).put("attempt_id", failure.attemptId())
                    .put("failed_at", failure.failedAt().toString()).put("message", failure.message());
        }
        return node;
    }
}
