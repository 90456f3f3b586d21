package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.app.workbench.CampaignExports;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.TranscriptQueries;

/**
 * One campaign's admin pages: its dashboard, closing/reopening/archiving it, the transcript browser
 * and the export downloads (its content warning is changed through {@link CampaignWarningApi}).
 */
final class CampaignAdminPages {

    private static final List<String> STATUSES = List.of("complete", "in_progress", "abandoned");

    private final Workbench workbench;
    private final Pages pages;

    CampaignAdminPages(Workbench workbench, Pages pages) {
        this.workbench = workbench;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/admin/campaigns/{id}", ctx -> pages.respond(ctx, "dashboard",
                Map.of("dashboard", workbench.dashboards().of(WebApp.principal(ctx), Params.id(ctx)))));
        app.post("/admin/campaigns/{id}/close", ctx -> {
            workbench.lifecycle().close(WebApp.principal(ctx), Params.id(ctx));
            backToDashboard(ctx);
        });
        app.post("/admin/campaigns/{id}/reopen", ctx -> {
            workbench.lifecycle().reopen(WebApp.principal(ctx), Params.id(ctx));
            backToDashboard(ctx);
        });
        app.post("/admin/campaigns/{id}/archive", ctx -> {
            workbench.lifecycle().archive(WebApp.principal(ctx), Params.id(ctx));
            backToDashboard(ctx);
        });
        app.get("/admin/campaigns/{id}/transcripts", this::transcripts);
        app.get("/admin/attempts/{id}", ctx -> pages.respond(ctx, "transcript",
                Map.of("view", workbench.transcripts().view(WebApp.principal(ctx), Params.id(ctx)))));
        app.get("/admin/campaigns/{id}/export", this::export);
    }

    private static void backToDashboard(Context ctx) {
        ctx.redirect("/admin/campaigns/" + Params.id(ctx), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void transcripts(Context ctx) {
        Principal admin = WebApp.principal(ctx);
        long campaignId = Params.id(ctx);
        TranscriptQueries.Filter filter = filter(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("dashboard", workbench.dashboards().of(admin, campaignId));
        model.put("rows", workbench.transcripts().list(admin, campaignId, filter));
        model.put("members", workbench.transcripts().members(admin, campaignId));
        model.put("statuses", STATUSES);
        model.put("filter", filter);
        model.put("limit", TranscriptQueries.LIST_LIMIT);
        pages.respond(ctx, "transcripts", model);
    }

    /** The list's filters from the query string; an empty field does not filter, a wrong one is refused. */
    static TranscriptQueries.Filter filter(Context ctx) {
        String status = blankToNull(ctx.queryParam("status"));
        if (status != null && !STATUSES.contains(status)) {
            throw WorkbenchFailure.invalid("status is one of " + String.join(", ", STATUSES));
        }
        String rating = blankToNull(ctx.queryParam("min_rating"));
        Double minRating = null;
        if (rating != null) {
            minRating = Params.rating(rating);
            if (minRating < 0 || minRating > 4) {
                throw WorkbenchFailure.invalid("rate from 0 to 4");
            }
        }
        return new TranscriptQueries.Filter(optionalLong(ctx.queryParam("target")), optionalLong(ctx.queryParam("member")), status,
                minRating);
    }

    /** Sends the export as a download; abandoned attempts only with {@code abandoned=1}. */
    private void export(Context ctx) throws IOException {
        Principal admin = WebApp.principal(ctx);
        long campaignId = Params.id(ctx);
        Campaign campaign = workbench.exports().campaign(admin, campaignId);
        CampaignExports.Kind kind = CampaignExports.Kind.fromId(ctx.queryParam("kind"));
        ExportDownloads.send(ctx, workbench, admin, campaignId, kind, "1".equals(ctx.queryParam("abandoned")),
                kind.fileName(campaign));
    }

    private static Long optionalLong(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw WorkbenchFailure.invalid("'" + value + "' is not an id");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
