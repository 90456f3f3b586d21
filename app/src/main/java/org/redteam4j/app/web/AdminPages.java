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

/** The admins' pages: the campaigns' list and new campaigns, invitations, people (a campaign's own pages: {@link CampaignAdminPages}). */
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

    static final String INVITES_PAGE = "/admin/invites";
    /** How many invitations the page lists, newest first. */
    static final int LISTED_INVITES = 50;

    private final Workbench workbench;
    private final Pages pages;
    private final Supplier<String> linkBase;
    private final NewInviteLinks newLinks = new NewInviteLinks();

    AdminPages(Workbench workbench, Pages pages, Supplier<String> linkBase) {
        this.workbench = workbench;
        this.pages = pages;
        this.linkBase = linkBase;
    }

    void register(Javalin app) {
        app.get("/admin", this::admin);
        app.get(INVITES_PAGE, this::invites);
        app.post("/admin/invites", this::invite);
        app.post("/admin/invites/{id}/revoke", ctx -> {
            workbench.accounts().revokeInvite(WebApp.principal(ctx), Params.id(ctx));
            ctx.redirect(INVITES_PAGE);
        });
        app.get("/admin/members", this::members);
        app.post("/admin/members/{id}/source", ctx -> {
            workbench.accounts().setRecruitmentSource(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("recruitment_source"));
            ctx.redirect("/admin/members");
        });
        app.post("/admin/members/{id}/deactivate", ctx -> {
            workbench.accounts().deactivate(WebApp.principal(ctx), Params.id(ctx));
            ctx.redirect("/admin/members");
        });
        app.post("/admin/members/{id}/reactivate", ctx -> {
            workbench.accounts().reactivate(WebApp.principal(ctx), Params.id(ctx));
            ctx.redirect("/admin/members");
        });
        app.get("/admin/campaigns/new", ctx -> pages.respond(ctx, "campaign-new", Map.of("example", EXAMPLE_TARGETS)));
        app.post("/admin/campaigns", this::createCampaign);
    }

    private void admin(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        admin.require(Account.Role.ADMIN);
        boolean archived = "1".equals(ctx.queryParam("archived"));
        Map<String, Object> model = new HashMap<>();
        model.put("campaigns", workbench.lifecycle().list(admin, archived));
        model.put("showingArchived", archived);
        model.put("inviteDays", workbench.accounts().inviteLifetime().toDays());
        pages.respond(ctx, "admin", model);
    }

    /** The invitations page: the link just made (once: a reload does not show it again), then the latest invitations. */
    private void invites(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        admin.require(Account.Role.ADMIN);
        Map<String, Object> model = new HashMap<>();
        List<Map<String, Object>> invites = new ArrayList<>();
        for (InviteRepository.Listed listed : workbench.accounts().latestInvites(admin, LISTED_INVITES)) {
            InviteRepository.Invite invite = listed.invite();
            invites.add(Map.of("id", invite.id(), "role", invite.role().id(), "source",
                    invite.recruitmentSource() == null ? "" : invite.recruitmentSource(),
                    "expires", minutes(workbench.accounts().expiry(invite)), "state", workbench.accounts().state(listed)));
        }
        model.put("invites", invites);
        model.put("inviteDays", workbench.accounts().inviteLifetime().toDays());
        newLinks.take(admin).ifPresent(link -> {
            model.put("inviteLink", link.url());
            model.put("inviteRole", link.role());
        });
        pages.respond(ctx, "invites", model);
    }

    /** Makes a link and redirects to the invitations page, which shows it once; reloading that page posts nothing. */
    private void invite(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        Account.Role role = switch (String.valueOf(ctx.formParam("role"))) {
            case "reviewer" -> Account.Role.REVIEWER;
            case "admin" -> Account.Role.ADMIN;
            default -> Account.Role.MEMBER;
        };
        String token = workbench.accounts().invite(admin, role, ctx.formParam("recruitment_source"));
        newLinks.put(admin, linkBase.get() + "/invite/" + token, role.id());
        ctx.redirect(INVITES_PAGE, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void members(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        Map<Long, java.time.Instant> deactivated = workbench.accounts().deactivated(admin);
        List<Map<String, Object>> people = new ArrayList<>();
        for (Account account : workbench.accounts().all(admin)) {
            Map<String, Object> row = new HashMap<>();
            row.put("account", account);
            row.put("active", !deactivated.containsKey(account.id()));
            row.put("deactivatedAt", deactivated.get(account.id()) == null ? "" : minutes(deactivated.get(account.id())));
            row.put("self", account.id() == admin.id());
            people.add(row);
        }
        pages.respond(ctx, "members", Map.of("people", people));
    }

    private static String minutes(java.time.Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MINUTES));
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
