package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.HashMap;
import java.util.Map;
import org.redteam4j.app.workbench.TargetUnavailable;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.chat.ChatModelException;
import org.redteam4j.core.format.InvalidRecordException;
import org.redteam4j.core.format.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: a {@link WorkbenchFailure}'s kind decides its
 * status code, a model that did not answer is a bad gateway (saying nothing of the model), Javalin's own refusals keep their
 * status, and anything else is a logged internal error. The API answers {@code {"error": …}} to
 * every one of them, pages show the error page, and a page without a session goes to the login form.
 */
final class FailureResponses {

    static final int MODEL_FAILED = 502;
    private static final Logger LOG = LoggerFactory.getLogger(FailureResponses.class);

    private final Pages pages;

    FailureResponses(Pages pages) {
        this.pages = pages;
    }

    void register(Javalin app) {
        app.exception(WorkbenchFailure.class, (e, ctx) -> {
            status(ctx, e);
            respond(ctx, e.getMessage());
        });
        app.exception(TargetUnavailable.class, (e, ctx) -> {
            ctx.status(MODEL_FAILED);
            respond(ctx, e.getMessage());
        });
        app.exception(ChatModelException.class, (e, ctx) -> { // not through RedTeamTask: still never shown, it names the target
            LOG.warn("{} {}: a model did not answer: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(MODEL_FAILED);
            respond(ctx, TargetUnavailable.MESSAGE);
        });
        app.exception(InvalidRecordException.class, (e, ctx) -> { // a field of a JSON body, as JsonFields reads it
            ctx.status(code(WorkbenchFailure.Kind.INVALID));
            respond(ctx, e.field() == null ? e.problem() : "field \"" + e.field() + "\": " + e.problem());
        });
        // Javalin's own refusals (no such route, a body over the announced limit) are text/plain unless caught here
        app.exception(HttpResponseException.class, (e, ctx) -> {
            ctx.status(e.getStatus());
            respond(ctx, e.getStatus() == BodyLimit.STATUS ? BodyLimit.MESSAGE : e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500);
            respond(ctx, "an internal error; the details are in the server log");
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

    /** Whether a path belongs to the JSON API, whose every answer is JSON. */
    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private void respond(Context ctx, String message) {
        if (isApi(ctx.path())) {
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
