package org.redteam4j.app.templates;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The one Thymeleaf set-up shared by the workbench's pages and the analysis report: HTML
 * templates from a classpath folder, read as UTF-8 and cached. Templates print values with
 * {@code th:text}, which escapes them.
 */
public final class Templates {

    private Templates() {
    }

    /** An engine for {@code folder/NAME.html} on the classpath, e.g. {@code templates/}. */
    public static TemplateEngine fromClasspath(String folder) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(folder);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
