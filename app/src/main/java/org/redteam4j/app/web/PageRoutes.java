package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Ratings;
import org.redteam4j.app.workbench.TargetUnavailable;
import org.redteam4j.app.workbench.ReviewTask;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.attempt.Tags;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.InviteRepository;

/** The HTML pages and their forms. Forms post back and redirect (post/redirect/get). */
final class PageRoutes {

    static final String PASSWORD_PAGE = "/account/password";

    private final Workbench workbench;
    private final Pages pages;
    private final Supplier<String> linkBase;

    PageRoutes(Workbench workbench, Pages pages, Supplier<String> linkBase) {
        this.workbench = workbench;
        this.pages = pages;
        this.linkBase = linkBase;
    }

    void register(Javalin app) {
        app.get("/", this::home);
        app.get("/login", ctx -> render(ctx, "login", Map.of()));
        app.post("/login", this::login);
        app.post("/logout", this::logout);
        app.get("/invite/{token}", ctx -> render(ctx, "invite", Map.of("token", ctx.pathParam("token"))));
        app.post("/invite/{token}", this::acceptInvite);

        app.get(PASSWORD_PAGE, ctx -> render(ctx, "password", Map.of()));
        app.post(PASSWORD_PAGE, this::changePassword);

        app.get("/admin", this::admin);
        app.post("/admin/invites", this::invite);
        app.post("/admin/invites/{id}/revoke", ctx -> {
            workbench.accounts().revokeInvite(WebApp.principal(ctx), id(ctx));
            ctx.redirect("/admin#invites");
        });
        app.get("/admin/members", ctx -> render(ctx, "members", Map.of("accounts", workbench.accounts().all(WebApp.principal(ctx)))));
        app.post("/admin/members/{id}/source", ctx -> {
            workbench.accounts().setRecruitmentSource(WebApp.principal(ctx), id(ctx), ctx.formParam("recruitment_source"));
            ctx.redirect("/admin/members");
        });
        app.get("/admin/campaigns/new", ctx -> render(ctx, "campaign-new", Map.of("example", EXAMPLE_TARGETS)));
        app.post("/admin/campaigns", this::createCampaign);
        app.get("/admin/campaigns/{id}", ctx -> render(ctx, "dashboard",
                Map.of("dashboard", workbench.dashboards().of(WebApp.principal(ctx), id(ctx)))));

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
                + workbench.task().start(WebApp.principal(ctx), id(ctx), ctx.formParam("task_description"))));
        app.get("/attempts/{id}", ctx -> attemptPage(ctx, workbench.task().attempt(WebApp.principal(ctx), id(ctx)), null, null));
        app.post("/attempts/{id}/message", this::send);
        app.post("/attempts/{id}/choose", ctx -> {
            workbench.task().choose(WebApp.principal(ctx), id(ctx), ctx.formParam("label"));
            ctx.redirect("/attempts/" + id(ctx) + "#composer");
        });
        app.post("/attempts/{id}/finish", this::finish);

        app.get("/review", this::review);
        app.post("/review/{id}", ctx -> {
            workbench.reviews().submit(WebApp.principal(ctx), id(ctx), rating(ctx.formParam("rating")), ctx.formParams("tags"));
            ctx.redirect("/review");
        });
    }

    private void home(Context ctx) {
        Principal principal = ctx.attribute(WebApp.PRINCIPAL);
        if (principal == null) {
            ctx.redirect("/login");
            return;
        }
        ctx.redirect(switch (principal.account().role()) {
            case ADMIN -> "/admin";
            case REVIEWER -> "/review";
            case MEMBER -> "/tasks";
        });
    }

    private void login(Context ctx) {
        try {
            String token = workbench.sessions().login(ctx.formParam("name"), ctx.formParam("password"), ctx.ip());
            WebApp.setSession(ctx, token);
            ctx.redirect("/");
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            render(ctx, "login", Map.of("error", e.getMessage(), "name", String.valueOf(ctx.formParam("name"))));
        }
    }

    private void logout(Context ctx) {
        workbench.sessions().logout(ctx.cookie(WebApp.SESSION_COOKIE));
        WebApp.clearSession(ctx);
        ctx.redirect("/login");
    }

    private void acceptInvite(Context ctx) {
        String token = ctx.pathParam("token");
        try {
            Account account = workbench.accounts().acceptInvite(token, ctx.formParam("name"), ctx.formParam("password"));
            WebApp.setSession(ctx, workbench.sessions().login(account.name(), ctx.formParam("password"), ctx.ip()));
            ctx.redirect("/");
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            render(ctx, "invite", Map.of("token", token, "error", e.getMessage()));
        }
    }

    private void changePassword(Context ctx) {
        Principal who = WebApp.principal(ctx);
        try {
            if (!String.valueOf(ctx.formParam("new_password")).equals(ctx.formParam("repeat_password"))) {
                throw WorkbenchFailure.invalid("the new passwords differ");
            }
            workbench.sessions().changePassword(who, ctx.cookie(WebApp.SESSION_COOKIE), ctx.formParam("current_password"),
                    ctx.formParam("new_password"), ctx.ip());
            ctx.redirect("/?password=changed");
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            render(ctx, "password", Map.of("error", e.getMessage()));
        }
    }

    private void admin(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        admin.require(Account.Role.ADMIN);
        render(ctx, "admin", adminPage(admin));
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
        render(ctx, "admin", model);
    }

    private void createCampaign(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        try {
            long id = workbench.campaigns().create(admin, ctx.formParam("name"), ctx.formParam("instructions"),
                    ctx.formParam("content_warning"), integer(ctx.formParam("attempts_per_task"), 5),
                    integer(ctx.formParam("suggested_turns"), 4), optionalInteger(ctx.formParam("daily_cap")),
                    ctx.formParam("targets"));
            ctx.redirect("/admin/campaigns/" + id);
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            Map<String, Object> model = new HashMap<>(ctx.formParamMap().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> (Object) entry.getValue().get(0))));
            model.put("error", e.getMessage());
            model.put("example", EXAMPLE_TARGETS);
            render(ctx, "campaign-new", model);
        }
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
        render(ctx, "tasks", Map.of("campaigns", campaigns, "warned", member.account().warningAcknowledgedAt() != null,
                "optedOut", member.account().optedOut()));
    }

    private void send(Context ctx) {
        Principal member = WebApp.principal(ctx);
        String message = ctx.formParam("message");
        try {
            workbench.task().send(member, id(ctx), message);
            ctx.redirect("/attempts/" + id(ctx) + "#choices");
        } catch (TargetUnavailable e) {
            ctx.status(FailureResponses.MODEL_FAILED);
            attemptPage(ctx, workbench.task().attempt(member, id(ctx)), message,
                    "The model did not answer. Your message is still here — press Retry.");
        } catch (WorkbenchFailure e) {
            FailureResponses.status(ctx, e);
            attemptPage(ctx, workbench.task().attempt(member, id(ctx)), message, e.getMessage());
        }
    }

    private void finish(Context ctx) {
        Principal member = WebApp.principal(ctx);
        LiveAttempt attempt = workbench.task().attempt(member, id(ctx));
        workbench.task().finish(member, attempt.id(), rating(ctx.formParam("rating")));
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
        render(ctx, "attempt", model);
    }

    private void review(Context ctx) {
        Principal reviewer = WebApp.principal(ctx);
        Optional<ReviewTask> task = workbench.reviews().next(reviewer);
        Map<String, Object> model = new HashMap<>();
        task.ifPresent(t -> model.put("task", t));
        model.put("tags", Tags.ALL);
        model.put("ratings", Ratings.LABELS);
        render(ctx, "review", model);
    }

    private void render(Context ctx, String template, Map<String, Object> variables) {
        Map<String, Object> model = new HashMap<>(variables);
        Principal principal = ctx.attribute(WebApp.PRINCIPAL);
        model.put("principal", principal);
        model.put("csrf", principal == null ? "" : principal.csrfToken());
        ctx.html(pages.render(template, model)).contentType("text/html; charset=utf-8");
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw WorkbenchFailure.notFound();
        }
    }

    static double rating(String value) {
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw WorkbenchFailure.invalid("rate from 0 to 4");
        }
    }

    private static int integer(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw WorkbenchFailure.invalid("'" + value + "' is not a whole number");
        }
    }

    private static Integer optionalInteger(String value) {
        return value == null || value.isBlank() ? null : integer(value, 0);
    }

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
}
