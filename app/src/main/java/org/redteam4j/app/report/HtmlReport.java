package org.redteam4j.app.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.redteam4j.app.templates.Templates;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * One self-contained HTML file from the template {@code report/report.html}: ECharts (from its
 * webjar) and the chart data are inlined, so it works offline; every chart has a caption with the
 * number of attempts behind it and a table with the same numbers, so the report also reads when
 * printed. The template escapes all text; only our style sheet and scripts and the charts' JSON
 * are inserted as they are.
 */
final class HtmlReport {

    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private final TemplateEngine engine = Templates.fromClasspath("report/");

    String render(ReportData data) {
        Charts charts = new Charts();
        ReportView report = ReportView.of(data, charts);
        return engine.process("report", new Context(Locale.ENGLISH, Map.of("report", report, "charts", charts.json(),
                "style", resource("/report/report.css"), "echarts", resource(ECHARTS), "script", resource("/report/report.js"),
                "explorer", ExplorerSection.of(data))));
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
