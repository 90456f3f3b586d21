package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.ReplyLabel;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.transcript.JudgedExchange;
import org.redteam4j.store.attack.LabelRepository;

/**
 * The reviewers' labelling page: the sample's content warning first, then one reply at a time,
 * blurred until revealed, with no verdict, judge or target on the page.
 */
final class LabelPages {

    static final String PAGE = "/review/labels";

    private final Workbench workbench;
    private final Pages pages;

    LabelPages(Workbench workbench, Pages pages) {
        this.workbench = workbench;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get(PAGE, ctx -> respond(ctx, null));
        app.post(PAGE + "/warning/{id}", ctx -> {
            workbench.labelling().acceptWarning(WebApp.principal(ctx), Params.id(ctx));
            ctx.redirect(PAGE);
        });
        app.post(PAGE + "/{id}", ctx -> {
            try {
                workbench.labelling().label(WebApp.principal(ctx), Params.id(ctx), ctx.formParam("label"));
                ctx.redirect(PAGE);
            } catch (WorkbenchFailure e) {
                if (e.kind() != WorkbenchFailure.Kind.CONFLICT && e.kind() != WorkbenchFailure.Kind.INVALID) {
                    throw e;
                }
                FailureResponses.status(ctx, e);
                respond(ctx, e.getMessage()); // shown in place, above the item that is next now
            }
        });
    }

    private void respond(Context ctx, String error) {
        Principal reviewer = WebApp.principal(ctx);
        Map<String, Object> model = new HashMap<>();
        if (reviewer.account().optedOut()) { // the page says so and offers to opt back in; every labelling call refuses
            model.put("optedOut", true);
            pages.respond(ctx, "labels", model);
            return;
        }
        Optional<LabelRepository.QueueItem> item = workbench.labelling().next(reviewer);
        item.ifPresent(next -> {
            model.put("item", next);
            model.put("conversation", JudgedExchange.of(next.transcript(), next.prompt(), next.reply()));
        });
        model.put("labels", List.of(ReplyLabel.values()));
        if (error != null) {
            model.put("error", error);
        }
        pages.respond(ctx, "labels", model);
    }
}
