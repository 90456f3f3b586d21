package org.redteam4j.app.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.redteam4j.app.templates.Templates;
import org.redteam4j.app.workbench.Principal;
import org.thymeleaf.TemplateEngine;

/** Server-rendered pages: Thymeleaf templates under {@code templates/}, which escape every value they print. */
final class Pages {

    private final TemplateEngine engine = Templates.fromClasspath("templates/");

    String render(String template, Map<String, Object> variables) {
        return engine.process(template, new org.thymeleaf.context.Context(Locale.ENGLISH, variables));
    }

    /** Renders {@code template} as the response, with the signed-in person and their CSRF token beside the page's own values. */
    void respond(Context ctx, String template, Map<String, Object> variables) {
        Map<String, Object> model = new HashMap<>(variables);
        Principal principal = ctx.attribute(WebApp.PRINCIPAL);
        model.put("principal", principal);
        model.put("csrf", principal == null ? "" : principal.csrfToken());
        ctx.html(render(template, model)).contentType("text/html; charset=utf-8");
    }
}
