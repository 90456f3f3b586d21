package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.redteam4j.app.workbench.AutomatedResults;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.transcript.JudgedExchange;
import org.redteam4j.store.attack.AttackQueries;

/** The admins' pages of automated campaigns: the list, a campaign's attacks with filters, one attack, the sample. */
final class AutomatedPages {

    private final Workbench workbench;
    private final Pages pages;

    AutomatedPages(Workbench workbench, Pages pages) {
        this.workbench = workbench;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/admin/automated", ctx -> pages.respond(ctx, "automated",
                Map.of("campaigns", workbench.automated().campaigns(WebApp.principal(ctx)))));
        app.get("/admin/automated/{id}", this::campaign);
        app.post("/admin/automated/{id}/sample", this::drawSample);
        app.get("/admin/attacks/{id}", this::attack);
    }

    private void campaign(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        long id = Params.id(ctx);
        AutomatedResults.CampaignView view = workbench.automated().campaign(admin, id);
        pages.respond(ctx, "automated-campaign", campaignModel(ctx, admin, view, null));
    }

    private Map<String, Object> campaignModel(Context ctx, Principal admin, AutomatedResults.CampaignView view, String error) {
        AutomatedFilters filters = AutomatedFilters.of(ctx);
        AttackQueries.Page page = workbench.automated().attacks(admin, view.campaign().id(), filters.filter(), filters.page());
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("page", page);
        model.put("filters", filters.values());
        model.put("disagree", filters.filter().disagreement()); // a boolean: OGNL reads '1' as a char, never equal to "1"
        model.put("pageNumber", filters.page());
        long pages = Math.max(1, (page.total() + AutomatedResults.PAGE - 1) / AutomatedResults.PAGE);
        model.put("pages", pages);
        String base = "/admin/automated/" + view.campaign().id();
        if (filters.page() > 1) {
            model.put("previousHref", base + filters.query(filters.page() - 1));
        }
        if (filters.page() < pages) {
            model.put("nextHref", base + filters.query(filters.page() + 1));
        }
        model.put("defaultPerTarget", AutomatedResults.DEFAULT_PER_TARGET);
        model.put("defaultWarning", AutomatedResults.DEFAULT_WARNING);
        if (error != null) {
            model.put("error", error);
        }
        return model;
    }

    private void drawSample(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        long id = Params.id(ctx);
        try {
            workbench.automated().drawSample(admin, id, Params.integer(ctx.formParam("per_target"), AutomatedResults.DEFAULT_PER_TARGET),
                    Params.integer(ctx.formParam("labellers"), 1), Params.optionalLong(ctx.formParam("seed"), "the seed"),
                    ctx.formParam("content_warning"));
            ctx.redirect("/admin/automated/" + id + "#sample");
        } catch (WorkbenchFailure e) {
            if (e.kind() == WorkbenchFailure.Kind.NOT_FOUND || e.kind() == WorkbenchFailure.Kind.FORBIDDEN) {
                throw e;
            }
            FailureResponses.status(ctx, e);
            pages.respond(ctx, "automated-campaign", campaignModel(ctx, admin, workbench.automated().campaign(admin, id), e.getMessage()));
        }
    }

    private void attack(Context ctx) {
        AttackQueries.AttackDetail attack = workbench.automated().attack(WebApp.principal(ctx), Params.id(ctx));
        Map<String, Object> model = new HashMap<>();
        model.put("attack", attack);
        model.put("conversation", JudgedExchange.of(attack.transcript(), attack.prompt(), attack.reply()));
        pages.respond(ctx, "automated-attack", model);
    }
}
