package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import org.redteam4j.app.workbench.CampaignExports;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Transcripts;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.workbench.CampaignRepository;
import org.redteam4j.store.workbench.TranscriptQueries;

/**
 * The JSON API's operator actions (issue 18): the campaigns' list, closing/reopening/archiving,
 * deactivating accounts, the transcript browser and the campaign's export.
 */
final class CampaignAdminApi {

    private final Workbench workbench;

    CampaignAdminApi(Workbench workbench) {
        this.workbench = workbench;
    }

    void register(Javalin app) {
        app.get("/api/admin/campaigns", ctx -> {
            ArrayNode campaigns = Json.mapper().createArrayNode();
            for (CampaignRepository.Listed listed : workbench.lifecycle().list(WebApp.principal(ctx),
                    "true".equals(ctx.queryParam("archived")))) {
                campaigns.addObject().put("id", listed.campaign().id()).put("name", listed.campaign().name())
                        .put("open", listed.campaign().open()).put("archived", listed.archived());
            }
            ApiBodies.json(ctx, campaigns);
        });
        app.post("/api/admin/campaigns/{id}/close", ctx -> {
            workbench.lifecycle().close(WebApp.principal(ctx), Params.id(ctx));
            ApiBodies.ok(ctx);
        });
        app.post("/api/admin/campaigns/{id}/reopen", ctx -> {
            workbench.lifecycle().reopen(WebApp.principal(ctx), Params.id(ctx));
            ApiBodies.ok(ctx);
        });
        app.post("/api/admin/campaigns/{id}/archive", ctx -> {
            workbench.lifecycle().archive(WebApp.principal(ctx), Params.id(ctx));
            ApiBodies.ok(ctx);
        });
        app.post("/api/admin/members/{id}/deactivate", ctx -> {
            workbench.accounts().deactivate(WebApp.principal(ctx), Params.id(ctx));
            ApiBodies.ok(ctx);
        });
        app.post("/api/admin/members/{id}/reactivate", ctx -> {
            workbench.accounts().reactivate(WebApp.principal(ctx), Params.id(ctx));
            ApiBodies.ok(ctx);
        });
        app.get("/api/admin/campaigns/{id}/attempts", ctx -> {
            ArrayNode rows = Json.mapper().createArrayNode();
            for (TranscriptQueries.Row row : workbench.transcripts().list(WebApp.principal(ctx), Params.id(ctx),
                    CampaignAdminPages.filter(ctx))) {
                ObjectNode r = rows.addObject().put("attempt_id", row.attemptId()).put("target", row.target())
                        .put("member", row.member()).put("status", row.status());
                ApiBodies.putNullable(r, "rating", row.rating());
                r.put("started_at", String.valueOf(row.startedAt()))
                        .put("finished_at", row.finishedAt() == null ? null : row.finishedAt().toString())
                        .put("turns", row.turns()).put("reviews_done", row.reviewsDone());
            }
            ApiBodies.json(ctx, rows);
        });
        app.get("/api/admin/attempts/{id}", ctx -> ApiBodies.json(ctx,
                transcript(workbench.transcripts().view(WebApp.principal(ctx), Params.id(ctx)))));
        app.get("/api/admin/campaigns/{id}/export", ctx -> {
            Principal admin = WebApp.principal(ctx);
            workbench.exports().campaign(admin, Params.id(ctx));
            CampaignExports.Kind kind = CampaignExports.Kind.fromId(ctx.queryParam("kind"));
            ExportDownloads.send(ctx, workbench, admin, Params.id(ctx), kind, "true".equals(ctx.queryParam("include_abandoned")), null);
        });
    }

    private static ObjectNode transcript(Transcripts.View view) {
        TranscriptQueries.Facts facts = view.facts();
        ObjectNode node = Json.mapper().createObjectNode().put("attempt_id", facts.attemptId()).put("campaign_id", facts.campaignId())
                .put("target", facts.target())
                .put("simulated", facts.simulated()).put("member", facts.member()).put("status", facts.status())
                .put("task_description", facts.taskDescription());
        ApiBodies.putNullable(node, "rating", facts.rating());
        facts.tags().forEach(node.putArray("tags")::add);
        ArrayNode turns = node.putArray("turns");
        for (LiveAttempt.LiveTurn turn : view.attempt().turns()) {
            ObjectNode t = turns.addObject().put("speaker", turn.speaker()).put("text", turn.text());
            ArrayNode candidates = t.putArray("candidates");
            for (LiveAttempt.Candidate candidate : turn.candidates()) {
                ObjectNode c = candidates.addObject().put("label", candidate.label()).put("text", candidate.text())
                        .put("picked", candidate.picked());
                ApiBodies.putNullable(c, "harmlessness_score", candidate.score());
            }
        }
        ArrayNode reviews = node.putArray("reviews");
        for (TranscriptQueries.ReviewRow review : view.reviews()) {
            ObjectNode r = reviews.addObject().put("reviewer", review.reviewer()).put("done", review.done());
            ApiBodies.putNullable(r, "rating", review.rating());
            review.tags().forEach(r.putArray("tags")::add);
        }
        return node;
    }
}
