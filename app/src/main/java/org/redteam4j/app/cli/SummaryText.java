package org.redteam4j.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.catalogue.ComponentId;
import org.redteam4j.core.format.Json;

/** The campaign summary as a table for people and as JSON for machines. */
public final class SummaryText {

    private SummaryText() {
    }

    public static String table(List<AttackSummary.Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-16s %-26s %-34s %7s %6s %7s  %s%n", "target", "strategy", "tag", "attacks", "errors",
                "not run", "success rate by judge (hits/judged, 95% CI)"));
        for (AttackSummary.Row row : rows) {
            out.append(String.format("%-16s %-26s %-34s %7d %6d %7d  %s%s%n", clip(row.target(), 16), clip(row.strategy(), 26),
                    clip(row.tag(), 34), row.attacks(), row.errors(), row.notRun(), rates(row.judges()),
                    row.simulated() ? "  [simulated]" : ""));
        }
        return out.toString();
    }

    /**
     * One line per target whose model texts held a configured secret, e.g. "Finding: target prod's
     * texts contained the OPENAI_API_KEY in 3 attacks (redacted before storing)"; empty when none did.
     */
    public static String redactions(List<AttackSummary.Row> perTarget) {
        StringBuilder out = new StringBuilder();
        for (AttackSummary.Row row : perTarget) {
            row.redacted().forEach((secret, attacks) -> out.append(String.format(
                    "Finding: target %s: the model's text contained the %s in %,d attack%s (redacted before it was stored).%n",
                    TerminalText.line(row.target()), TerminalText.escape(secret), attacks, attacks == 1 ? "" : "s")));
        }
        return out.toString();
    }

    private static String rates(Map<String, AttackSummary.Rate> judges) {
        StringBuilder text = new StringBuilder();
        judges.forEach((judge, rate) -> {
            String name = ComponentId.parse(judge).catalogueId();
            text.append(text.isEmpty() ? "" : "; ").append(clip(name, 24)).append(' ').append(rate.hits()).append('/')
                    .append(rate.judged());
            if (rate.rate() != null) {
                text.append(String.format(" = %.0f%% (%.0f–%.0f%%)", 100 * rate.rate().estimate(), 100 * rate.rate().low(),
                        100 * rate.rate().high()));
            }
        });
        return text.toString();
    }

    private static String clip(String text, int width) {
        String safe = TerminalText.line(text);
        return safe.length() <= width ? safe : safe.substring(0, width - 1) + "…";
    }

    public static ArrayNode json(List<AttackSummary.Row> rows) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (AttackSummary.Row row : rows) {
            ObjectNode node = array.addObject().put("target", row.target()).put("strategy", row.strategy()).put("tag", row.tag())
                    .put("attacks", row.attacks()).put("errors", row.errors()).put("not_run", row.notRun())
                    .put("simulated", row.simulated());
            ObjectNode redacted = node.putObject("redacted"); // secret name → attacks whose texts held it
            row.redacted().forEach(redacted::put);
            ObjectNode judges = node.putObject("judges");
            row.judges().forEach((judge, rate) -> {
                ObjectNode r = judges.putObject(judge).put("hits", rate.hits()).put("judged", rate.judged());
                if (rate.rate() != null) {
                    r.put("success_rate", rate.rate().estimate());
                    r.putArray("ci95").add(rate.rate().low()).add(rate.rate().high());
                } else {
                    r.putNull("success_rate");
                }
            });
        }
        return array;
    }
}
