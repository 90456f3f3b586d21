package org.redteam4j.app.web;

import java.util.Locale;
import java.util.Map;
import org.redteam4j.app.templates.Templates;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Server-rendered pages: Thymeleaf templates under {@code templates/}, which escape every value they print. */
final class Pages {

    private final TemplateEngine engine = Templates.fromClasspath("templates/");

    String render(String template, Map<String, Object> variables) {
        return engine.process(template, new Context(Locale.ENGLISH, variables));
    }
}
