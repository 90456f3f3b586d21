package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.Set;
import org.redteam4j.core.format.Json;

/**
 * The workbench over HTTP. Every request gets the security headers; every state-changing request
 * except logging in needs the session's CSRF token (form field {@code _csrf} or header
 * {@code X-CSRF-Token}); pages and the JSON API under {@code /api/} call the same {@link Workbench}.
 */
public final class WebApp {

    static final String SESSION_COOKIE = "rt4j_session";
    static final String PRINCIPAL = "principal";
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final Set<String> OPEN_POSTS = Set.of("/login", "/api/login");

    private final Workbench workbench;
    private final Pages pages = new Pages();
    private final Javalin app;

    public WebApp(Workbench workbench) {
        this(workbench, (path, millis) -> { });
    }

    /** @param timer told each request's path pattern and the server's handling time in milliseconds */
    public WebApp(Workbench workbench, java.util.function.BiConsumer<String, Float> timer) {
        this.workbench = workbench;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.requestLogger.http((ctx, millis) -> timer.accept(ctx.method() + " " + route(ctx), millis));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(this::authenticate);
        app.exception(WebException.class, (e, ctx) -> fail(ctx, e.status(), e.getMessage()));
        app.exception(org.redteam4j.core.chat.ChatModelException.class, (e, ctx) ->
                fail(ctx, 502, "the model did not answer (" + e.getMessage() + "); your message was kept, try again"));
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                fail(ctx, 404, "not found");
            }
        });
        new PageRoutes(workbench, pages).register(app);
        new ApiRoutes(workbench).register(app);
    }

    public WebApp start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    private void authenticate(Context ctx) {
        SecurityHeaders.apply(ctx);
        Principal principal = workbench.authenticate(ctx.cookie(SESSION_COOKIE)).orElse(null);
        if (principal != null) {
            ctx.attribute(PRINCIPAL, principal);
        }
        if (CHANGES.contains(ctx.method()) && !OPEN_POSTS.contains(ctx.path()) && !ctx.path().startsWith("/invite/")) {
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null && String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded")) {
                sent = ctx.formParam("_csrf");
            }
            if (principal == null || !Tokens.same(sent, principal.csrfToken())) {
                throw new WebException(403, "the request lacks a valid CSRF token; reload the page and try again");
            }
        }
    }

    /** The route's pattern ({@code /api/attempts/{id}}), or the path when no route was reached (a refused request). */
    private static String route(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (IllegalStateException noEndpoint) {
            return ctx.path();
        }
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new WebException(401, "log in first");
        }
        return principal;
    }

    static void setSession(Context ctx, String token) {
        ctx.cookie(new Cookie(SESSION_COOKIE, token, "/", (int) Workbench.SESSION_LENGTH.toSeconds(), false, 0, true, null, null,
                SameSite.STRICT));
    }

    static void clearSession(Context ctx) {
        ctx.cookie(new Cookie(SESSION_COOKIE, "", "/", 0, false, 0, true, null, null, SameSite.STRICT));
    }

    private void fail(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json").result(Json.mapper().createObjectNode().put("error", message).toString());
        } else if (status == 401) {
            ctx.redirect("/login");
        } else {
            Map<String, Object> model = new java.util.HashMap<>();
            model.put("status", status);
            model.put("message", message);
            model.put("principal", ctx.attribute(PRINCIPAL));
            ctx.html(pages.render("error", model));
        }
    }
}
