package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import org.redteam4j.app.workbench.ReplyLabel;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonFields;
import org.redteam4j.core.transcript.JudgedExchange;
import org.redteam4j.core.transcript.Turn;

/**
 * The JSON API of the labelling queue. Blind by construction: an item carries its conversation,
 * its reply and the sample's warning, and no verdict, judge, target, strategy or tag. Until the
 * reviewer accepted the warning it carries the warning only (no conversation, no reply).
 */
final class LabelApi {

    private final Workbench workbench;

    LabelApi(Workbench workbench) {
        this.workbench = workbench;
    }

    void register(Javalin app) {
        app.get("/api/labels/next", ctx -> {
            ObjectNode node = Json.mapper().createObjectNode();
            workbench.labelling().next(WebApp.principal(ctx)).ifPresentOrElse(item -> {
                node.put("item_id", item.itemId()).put("sample_id", item.sample().id())
                        .put("content_warning", item.sample().contentWarning()).put("warning_accepted", item.warningAccepted());
                if (item.warningAccepted()) { // before the warning is read, nothing of the text is sent
                    JudgedExchange conversation = JudgedExchange.of(item.transcript(), item.prompt(), item.reply());
                    ArrayNode turns = node.putArray("conversation");
                    for (Turn turn : conversation.before()) {
                        turns.addObject().put("speaker", turn.speaker().id()).put("text", turn.text());
                    }
                    node.put("reply", conversation.reply());
                }
                ArrayNode labels = node.putArray("labels");
                for (ReplyLabel label : ReplyLabel.values()) {
                    labels.addObject().put("label", label.id()).put("text", label.text());
                }
            }, () -> node.putNull("item_id"));
            ApiBodies.json(ctx, node);
        });
        app.post("/api/labels/warning/{id}", ctx -> {
            workbench.labelling().acceptWarning(WebApp.principal(ctx), Params.id(ctx));
            ApiBodies.ok(ctx);
        });
        app.post("/api/labels/{id}", ctx -> {
            JsonFields body = ApiBodies.body(ctx);
            String label = body.string("label");
            workbench.labelling().label(WebApp.principal(ctx), Params.id(ctx), label);
            ApiBodies.ok(ctx);
        });
    }
}
