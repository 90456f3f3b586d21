package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.InviteRepository;

/** The admins' pages: campaigns and their dashboards, invitations, people. */
final class AdminPages {

    static final String EXAMPLE_TARGETS = """
            targets:
              - name: sim-plain
                model: sim
                intervention: plain
                size: 1B
              - name: sim-prompted
                model: sim
                intervention: prompted
                size: 1B
            """;

    private final Workbench workbench;
    private final Pages pages;
    private final Supplier<String> linkBase;

    AdminPages(Workbench workbench, Pages pages, Supplier<String> linkBase) {
        this.workbench = workbench;
        this.pages = pages;
        this.linkBase = linkBase;
    }

    void register(Javalin app) {
        app.get("/admin", this::admin);
        app.post("/admin/invites", this::invite);
        app.post("/admin/invites/{id}/revoke", ctx -> {
            workbench.accounts().revokeInvite(WebApp.principal(ctx), Params.id(ctx));
            ctx.redirect("/admin#invites");
        });
        app.get("/admin/members", ctx -> pages.respond(ctx, "members",
                Map.of("accounts", workbench.accounts().all(WebApp.principal(ctx)))));
        app.post("/admin/members/{id}/source", ctx -> {
            workbench.accounts().setRecruitmentSource(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("recruitment_source"));
            ctx.redirect("/admin/members");
        });
        app.get("/admin/campaigns/new", ctx -> pages.respond(ctx, "campaign-new", Map.of("example", EXAMPLE_TARGETS)));
        app.post("/admin/campaigns", this::createCampaign);
        app.get("/admin/campaigns/{id}", ctx -> pages.respond(ctx, "dashboard",
                Map.of("dashboard", workbench.dashboards().of(WebApp.principal(ctx), Params.id(ctx)))));
    }

    private void admin(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        admin.require(Account.Role.ADMIN);
        pages.respond(ctx, "admin", adminPage(admin));
    }

    private Map<String, Object> adminPage(Principal admin) {
        Map<String, Object> model = new HashMap<>();
        model.put("campaigns", workbench.campaigns().open(admin));
        List<Map<String, Object>> invites = new ArrayList<>();
        for (InviteRepository.Invite invite : workbench.accounts().openInvites(admin)) {
            invites.add(Map.of("id", invite.id(), "role", invite.role().id(), "source",
                    invite.recruitmentSource() == null ? "" : invite.recruitmentSource(),
                    "expires", DateTimeFormatter.ISO_INSTANT.format(workbench.accounts().expiry(invite).truncatedTo(ChronoUnit.MINUTES))));
        }
        model.put("invites", invites);
        model.put("inviteDays", workbench.accounts().inviteLifetime().toDays());
        return model;
    }

    private void invite(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        Account.Role role = switch (String.valueOf(ctx.formParam("role"))) {
            case "reviewer" -> Account.Role.REVIEWER;
            case "admin" -> Account.Role.ADMIN;
            default -> Account.Role.MEMBER;
        };
        String token = workbench.accounts().invite(admin, role, ctx.formParam("recruitment_source"));
        Map<String, Object> model = adminPage(admin);
        model.put("inviteLink", linkBase.get() + "/invite/" + token);
        model.put("inviteRole", role.id());
        pages.respond(ctx, "admin", model);
    }

    private void createCampaign(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        try {
            long id = workbench.campaigns().create(admin, ctx.formParam("name"), ctx.formParam("instructions"),
                    ctx.formParam("content_warning"), Params.integer(ctx.formParam("attempts_per_task"), 5),
                    Params.integer(ctx.formParam("suggested_turns"), 4), Params.optionalInteger(ctx.formParam("daily_cap")),
                    ctx.formParam("targets"));
            ctx.redirect("/admin/campaigns/" + id);
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            Map<String, Object> model = new HashMap<>(ctx.formParamMap().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> (Object) entry.getValue().get(0))));
            model.put("error", e.getMessage());
            model.put("example", EXAMPLE_TARGETS);
            pages.respond(ctx, "campaign-new", model);
        }
    }
}
