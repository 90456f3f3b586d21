package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.chat.ChatModelException;
import org.redteam4j.core.format.Json;

/**
 * The one place where failures become HTTP responses: a {@link WorkbenchFailure}'s kind decides its
 * status code, a model that did not answer is a bad gateway. The API answers {@code {"error": …}},
 * pages show the error page, and a page without a session goes to the login form.
 */
final class FailureResponses {

    static final int MODEL_FAILED = 502;

    private final Pages pages;

    FailureResponses(Pages pages) {
        this.pages = pages;
    }

    void register(Javalin app) {
        app.exception(WorkbenchFailure.class, (e, ctx) -> {
            status(ctx, e);
            respond(ctx, e.getMessage());
        });
        app.exception(ChatModelException.class, (e, ctx) -> {
            ctx.status(MODEL_FAILED);
            respond(ctx, "the model did not answer (" + e.getMessage() + "); your message was kept, try again");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, "not found");
            }
        });
    }

    /** Sets the status code of a failure, and how long to wait where it says. Forms that show their own error call this too. */
    static void status(Context ctx, WorkbenchFailure failure) {
        ctx.status(code(failure.kind()));
        failure.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
    }

    static int code(WorkbenchFailure.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_SIGNED_IN -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY -> 429;
        };
    }

    private void respond(Context ctx, String message) {
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json").result(Json.mapper().createObjectNode().put("error", message).toString());
        } else if (ctx.statusCode() == 401) {
            ctx.redirect("/login");
        } else {
            Map<String, Object> model = new HashMap<>();
            model.put("status", ctx.statusCode());
            model.put("message", message);
            model.put("principal", ctx.attribute(WebApp.PRINCIPAL));
            ctx.html(pages.render("error", model));
        }
    }
}
