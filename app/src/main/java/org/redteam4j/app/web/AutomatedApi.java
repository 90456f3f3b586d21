package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.util.List;
import java.util.Objects;
import org.redteam4j.app.workbench.AutomatedResults;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonFields;
import org.redteam4j.core.format.VerdictJson;
import org.redteam4j.store.attack.AttackQueries;
import org.redteam4j.store.attack.LabelRepository;

/** The JSON API beside the automated-results pages: campaigns, a filtered page of attacks, one attack, the sample. */
final class AutomatedApi {

    private final Workbench workbench;

    AutomatedApi(Workbench workbench) {
        this.workbench = workbench;
    }

    void register(Javalin app) {
        app.get("/api/admin/automated", ctx -> {
            ArrayNode campaigns = Json.mapper().createArrayNode();
            workbench.automated().campaigns(WebApp.principal(ctx)).forEach(row -> campaign(campaigns.addObject(), row));
            ApiBodies.json(ctx, campaigns);
        });
        app.get("/api/admin/automated/{id}", ctx -> {
            AutomatedResults.CampaignView view = workbench.automated().campaign(WebApp.principal(ctx), Params.id(ctx));
            ObjectNode node = campaign(Json.mapper().createObjectNode(), view.campaign());
            ObjectNode facets = node.putObject("filters");
            strings(facets.putArray("targets"), view.facets().targets());
            strings(facets.putArray("strategies"), view.facets().strategies());
            strings(facets.putArray("tags"), view.facets().tags());
            view.sample().ifPresentOrElse(sample -> sample(node.putObject("sample"), sample, view.progress().orElseThrow()),
                    () -> node.putNull("sample"));
            ApiBodies.json(ctx, node);
        });
        app.get("/api/admin/automated/{id}/attacks", ctx -> {
            long id = Params.id(ctx);
            AutomatedFilters filters = AutomatedFilters.of(ctx);
            AttackQueries.Page page = workbench.automated().attacks(WebApp.principal(ctx), id, filters.filter(), filters.page());
            ObjectNode node = Json.mapper().createObjectNode().put("total", page.total()).put("page", filters.page())
                    .put("page_size", page.limit());
            ArrayNode rows = node.putArray("attacks");
            for (AttackQueries.AttackRow row : page.rows()) {
                ObjectNode attack = rows.addObject().put("id", row.id()).put("target", row.target()).put("strategy", row.strategy())
                        .put("tag", row.tag()).put("repetition", row.repetition()).put("status", row.status())
                        .put("verdict", row.verdict()).put("judges_disagree", row.judgesDisagree())
                        .put("prompt_start", row.promptStart());
                attack.set("verdicts", VerdictJson.write(row.verdicts()));
            }
            ApiBodies.json(ctx, node);
        });
        app.get("/api/admin/attacks/{id}", ctx -> {
            AttackQueries.AttackDetail attack = workbench.automated().attack(WebApp.principal(ctx), Params.id(ctx));
            ObjectNode node = Json.mapper().createObjectNode().put("id", attack.id()).put("campaign_id", attack.campaignId())
                    .put("campaign", attack.campaign()).put("target", attack.target()).put("strategy", attack.strategy())
                    .put("tag", attack.tag()).put("repetition", attack.repetition()).put("status", attack.status())
                    .put("seed", attack.seedText()).put("prompt", attack.prompt()).put("reply", attack.reply())
                    .put("transcript", attack.transcript()).put("error", attack.error()).put("simulated", attack.simulated())
                    .put("duration_ms", attack.durationMs()).put("judges_disagree", attack.judgesDisagree());
            node.set("verdicts", VerdictJson.write(attack.verdicts()));
            if (!attack.trace().isEmpty()) { // the attacker's view: every try, dropped ones too
                node.set("trace", org.redteam4j.core.format.AttackTraceJson.write(attack.trace()));
            }
            ApiBodies.json(ctx, node);
        });
        app.post("/api/admin/automated/{id}/sample", ctx -> {
            JsonFields body = ApiBodies.body(ctx); // read first: a malformed body is refused whatever the id names
            Integer perTarget = body.optionalSmallInteger("per_target");
            Integer labellers = body.optionalSmallInteger("labellers");
            Long seed = body.optionalInteger("seed");
            String warning = body.optionalString("content_warning");
            LabelRepository.Sample sample = workbench.automated().drawSample(WebApp.principal(ctx), Params.id(ctx),
                    Objects.requireNonNullElse(perTarget, AutomatedResults.DEFAULT_PER_TARGET), Objects.requireNonNullElse(labellers, 1),
                    seed, warning);
            ApiBodies.json(ctx, Json.mapper().createObjectNode().put("sample_id", sample.id()).put("seed", sample.seed())
                    .put("per_target", sample.perTarget()).put("labellers", sample.labellers()));
        });
    }

    private static ObjectNode campaign(ObjectNode node, AttackQueries.CampaignRow row) {
        return node.put("id", row.id()).put("name", row.name()).put("attacks", row.attacks()).put("done", row.done())
                .put("hits", row.hits()).put("errors", row.errors()).put("simulated", row.simulated());
    }

    private static void sample(ObjectNode node, LabelRepository.Sample sample, LabelRepository.Progress progress) {
        node.put("id", sample.id()).put("per_target", sample.perTarget()).put("seed", sample.seed())
                .put("labellers", sample.labellers()).put("items", progress.items()).put("labels", progress.labels())
                .put("complete", progress.complete());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
