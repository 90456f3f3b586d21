package org.redteam4j.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.jetty.servlet.FilterHolder;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Sessions;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.app.workbench.WorkbenchFailure;

/**
 * The workbench over HTTP. Every request gets the security headers; every state-changing request
 * except logging in needs the session's CSRF token (form field {@code _csrf} or header
 * {@code X-CSRF-Token}); pages and the JSON API under {@code /api/} call the same {@link Workbench}
 * services, and {@link FailureResponses} turns what they refuse into status codes.
 */
public final class WebApp {

    static final String SESSION_COOKIE = "rt4j_session";
    static final String PRINCIPAL = "principal";
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final Set<String> OPEN_POSTS = Set.of("/login", "/api/login");
    /** What a person whose password must change may still reach. */
    private static final Set<String> WHILE_CHANGING_PASSWORD = Set.of(AccountPages.PASSWORD_PAGE, AccountApi.PASSWORD_API, "/logout",
            "/api/logout", "/api/session", "/login", "/api/login");

    private final Workbench workbench;
    private final WebOptions options;
    private volatile String host = "127.0.0.1";
    private final Pages pages = new Pages();
    private final Javalin app;

    public WebApp(Workbench workbench) {
        this(workbench, (path, millis) -> { });
    }

    /** @param timer told each request's path pattern and the server's handling time in milliseconds */
    public WebApp(Workbench workbench, BiConsumer<String, Float> timer) {
        this(workbench, timer, WebOptions.defaults());
    }

    WebApp(Workbench workbench, BiConsumer<String, Float> timer, WebOptions options) {
        this.workbench = workbench;
        this.options = options;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // ctx.ip() is the client the login limiter counts: the peer, or who a trusted proxy says it forwards
            config.contextResolver.ip = ctx -> options.trustedProxies().client(ctx.req().getRemoteAddr(),
                    Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
            // a chunked body has no length for Javalin's own limit to refuse
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new FilterHolder(new BodyLimit()), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
            config.requestLogger.http((ctx, millis) -> timer.accept(ctx.method() + " " + route(ctx), millis));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(this::authenticate);
        new FailureResponses(pages).register(app);
        new AccountPages(workbench, pages).register(app);
        new AdminPages(workbench, pages, this::linkBase).register(app);
        new TaskPages(workbench, pages).register(app);
        new ReviewPages(workbench, pages).register(app);
        new AccountApi(workbench).register(app);
        new AdminApi(workbench, this::linkBase).register(app);
        new TaskApi(workbench).register(app);
        new ReviewApi(workbench).register(app);
        new AutomatedPages(workbench, pages).register(app);
        new AutomatedApi(workbench).register(app);
        new LabelPages(workbench, pages).register(app);
        new LabelApi(workbench).register(app);
        new CampaignAdminPages(workbench, pages).register(app);
        new CampaignAdminApi(workbench).register(app);
        new CampaignWarningApi(workbench).register(app);
        new ServingApi(workbench).register(app);
    }

    public WebApp start(String host, int port) {
        app.start(host, port);
        this.host = host;
        return this;
    }

    /**
     * Where links the workbench hands out (invitations) point: {@code --public-url}, or else the
     * address it listens on — never the request's Host header, which the requester chooses.
     */
    String linkBase() {
        return options.publicUrl().map(url -> url.toString().replaceAll("/+$", ""))
                .orElseGet(() -> "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    /** The served routes as {@code METHOD /path/{param}}, for tests that must visit every one. */
    List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(handler -> handler.getEndpoint().getMethod() + " " + handler.getEndpoint().getPath()).toList();
    }

    private void authenticate(Context ctx) {
        SecurityHeaders.apply(ctx);
        if (ctx.method() == HandlerType.POST && (OPEN_POSTS.contains(ctx.path()) || ctx.path().startsWith("/invite/"))) {
            refuseLoginCsrf(ctx);
        }
        Principal principal = workbench.sessions().authenticate(ctx.cookie(SESSION_COOKIE)).orElse(null);
        if (principal != null) {
            ctx.attribute(PRINCIPAL, principal);
        }
        if (CHANGES.contains(ctx.method()) && !OPEN_POSTS.contains(ctx.path()) && !ctx.path().startsWith("/invite/")) {
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null && String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded")) {
                sent = ctx.formParam("_csrf");
            }
            if (principal == null || !principal.sentCsrfToken(sent)) {
                throw WorkbenchFailure.forbidden("the request lacks a valid CSRF token; reload the page and try again");
            }
        }
        if (principal != null && principal.account().passwordChangeRequired() && !WHILE_CHANGING_PASSWORD.contains(ctx.path())
                && !ctx.path().startsWith("/static/")) {
            if (ctx.method() == HandlerType.GET && !ctx.path().startsWith("/api/")) {
                ctx.redirect(AccountPages.PASSWORD_PAGE);
                ctx.skipRemainingHandlers();
                return;
            }
            throw WorkbenchFailure.forbidden("your password no longer meets the rules; change it first (POST "
                    + AccountApi.PASSWORD_API + ")");
        }
    }

    /** A login from another site, or a JSON login a form could send (text/plain needs no CORS preflight), is refused. */
    private void refuseLoginCsrf(Context ctx) {
        if (LoginOrigin.crossOrigin(ctx, options.publicUrl())) {
            throw WorkbenchFailure.forbidden("a login posted from another site is refused");
        }
        if (ctx.path().startsWith("/api/") && !String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/json")) {
            throw WorkbenchFailure.invalid("send the login as JSON, with Content-Type: application/json");
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
            throw WorkbenchFailure.notSignedIn("log in first");
        }
        return principal;
    }

    static void setSession(Context ctx, String token) {
        ctx.cookie(new Cookie(SESSION_COOKIE, token, "/", (int) Sessions.LENGTH.toSeconds(), false, 0, true, null, null,
                SameSite.STRICT));
    }

    static void clearSession(Context ctx) {
        ctx.cookie(new Cookie(SESSION_COOKIE, "", "/", 0, false, 0, true, null, null, SameSite.STRICT));
    }

    /**
     * Logging out: the session cookie is cleared, and the browser told to drop this site's storage —
     * drafts of harmful prompts and blur choices — so the next person on a shared browser finds none.
     * "storage" leaves cookies to the Set-Cookie above; app.js also removes the drafts on submit, for
     * browsers that ignore the header (it needs a secure context: HTTPS or localhost).
     */
    static void logOut(Context ctx) {
        clearSession(ctx);
        ctx.header("Clear-Site-Data", "\"storage\"");
    }
}
