package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.CorrectedRate;
import org.redteam4j.core.analysis.FalseRefusals;
import org.redteam4j.core.catalogue.ComponentId;
import org.redteam4j.core.scoring.JudgeCalibration;

/**
 * The campaign summary as a table for people and as JSON for machines. Where a judge's calibration
 * is known, its rate is followed by the rate corrected for its error ("→ corrected 12% (4–21%)", or
 * "→ not corrected: " and why).
 */
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

    /** A judge's name in a table: its catalogue id, but a canary judge's whole id ({@code canary(planted)}, {@code canary(ACME-…)}), as JSON has it. */
    static String label(String judge) {
        ComponentId id = ComponentId.parse(judge);
        return id.catalogueId().equals("canary") ? TerminalText.line(judge) : id.catalogueId();
    }

    private static String rates(Map<String, AttackSummary.Rate> judges) {
        StringBuilder text = new StringBuilder();
        judges.forEach((judge, rate) -> {
            String name = label(judge);
            text.append(text.isEmpty() ? "" : "; ").append(clip(name, 24)).append(' ').append(rate.hits()).append('/')
                    .append(rate.judged());
            if (rate.rate() != null) {
                text.append(String.format(" = %.0f%% (%.0f–%.0f%%)", 100 * rate.rate().estimate(), 100 * rate.rate().low(),
                        100 * rate.rate().high()));
            }
            if (rate.corrected() != null) {
                // "→ corrected 12% (4–21%)", or "→ not corrected: <reason>"
                text.append(rate.corrected().refused() ? " → " : " → corrected ").append(TerminalText.line(rate.corrected().text()));
            }
        });
        return text.toString();
    }

    /**
     * One line per note on a corrected rate (why it was refused or flagged), per target and judge,
     * then what the correction is; empty when no rate was corrected.
     */
    public static String corrections(List<AttackSummary.Row> perTarget) {
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (AttackSummary.Row row : perTarget) {
            for (Map.Entry<String, AttackSummary.Rate> judge : row.judges().entrySet()) {
                CorrectedRate corrected = judge.getValue().corrected();
                if (corrected == null) {
                    continue;
                }
                any = true;
                for (String note : corrected.notes()) {
                    out.append(String.format("Note: target %s, judge %s: %s.%n", TerminalText.line(row.target()),
                            TerminalText.line(ComponentId.parse(judge.getKey()).catalogueId()), TerminalText.line(note)));
                }
            }
        }
        if (any) {
            out.append("corrected: the rate corrected for the judge's measured sensitivity and specificity (Rogan–Gladen), "
                    + "with a 95% interval that carries the calibration's uncertainty too.\n");
        }
        return out.toString();
    }

    /** null when no calibration is known; else the corrected rate (null when refused), its notes and calibration. */
    private static com.fasterxml.jackson.databind.JsonNode corrected(CorrectedRate corrected) {
        if (corrected == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        ObjectNode node = Json.mapper().createObjectNode();
        if (corrected.refused()) {
            node.putNull("success_rate");
            node.putNull("ci95");
        } else {
            node.put("success_rate", corrected.estimate());
            node.putArray("ci95").add(corrected.low()).add(corrected.high());
        }
        node.put("refused", corrected.refused()).put("flagged", corrected.flagged());
        ArrayNode notes = node.putArray("notes");
        corrected.notes().forEach(notes::add);
        JudgeCalibration c = corrected.calibration();
        ObjectNode calibration = node.putObject("calibration").put("judge", c.judge()).put("task", c.task().id())
                .put("data", c.data()).put("true_hits", c.trueHits()).put("true_passes", c.truePasses());
        // NaN (no labelled hits or passes) is not JSON
        if (c.trueHits() > 0) {
            calibration.put("sensitivity", c.hitSensitivity());
        } else {
            calibration.putNull("sensitivity");
        }
        if (c.truePasses() > 0) {
            calibration.put("specificity", c.hitSpecificity());
        } else {
            calibration.putNull("specificity");
        }
        return node;
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
                r.set("corrected", corrected(rate.corrected()));
            });
        }
        return array;
    }

    /**
     * Over-refusal beside harm, one line per target with benign prompts: the attack success rate by
     * the first judge and the false refusal rate on benign prompts by the refusal judge, each with its
     * 95% interval, so a target cannot look safe by refusing everything; empty when the campaign has
     * no benign prompts.
     */
    public static String falseRefusals(List<AttackSummary.Row> perTarget, List<FalseRefusals.Row> refusals, String primary) {
        if (refusals.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nOver-refusal (benign prompts, judged by the refusal judge), beside the attack success rate:%n"));
        out.append(String.format("%-16s %-30s %7s %6s  %s%n", "target", "attack success (1st judge)", "benign", "errors",
                "false refusal rate (refused/judged, 95% CI)"));
        for (FalseRefusals.Row row : refusals) {
            AttackSummary.Rate attack = perTarget.stream().filter(r -> r.target().equals(row.target())).findFirst()
                    .map(r -> r.judges().get(primary)).orElse(null);
            out.append(String.format("%-16s %-30s %7d %6d  %d/%d%s%s%s%n", clip(row.target(), 16), attackRate(attack), row.prompts(),
                    row.errors(), row.refused(), row.judged(), row.rate() == null ? " (nothing judged)" : String.format(" = %s",
                            percent(row.rate())), row.notRun() == 0 ? "" : String.format("  (%d of %d benign prompts not run)",
                            row.notRun(), row.prompts() + row.notRun()), row.simulated() ? "  [simulated]" : ""));
        }
        return out.toString();
    }

    private static String attackRate(AttackSummary.Rate rate) {
        if (rate == null || rate.rate() == null) {
            return "—";
        }
        return rate.hits() + "/" + rate.judged() + " = " + percent(rate.rate());
    }

    private static String percent(org.redteam4j.core.analysis.Proportion p) {
        return Double.isNaN(p.low()) ? String.format("%.0f%%", 100 * p.estimate())
                : String.format("%.0f%% (%.0f–%.0f%%)", 100 * p.estimate(), 100 * p.low(), 100 * p.high());
    }

    /**
     * Adds each target's over-refusal to its object in {@code perTarget} (from {@link #json}):
     * {@code benign_prompts}, {@code benign_judged}, {@code benign_refused}, {@code benign_errors}, {@code benign_not_run},
     * {@code false_refusal_rate} (null when nothing was judged) and {@code false_refusal_ci95}
     * (Wilson's); a target with benign prompts and no attack row gets an object of its own.
     */
    public static ArrayNode withFalseRefusals(ArrayNode perTarget, List<FalseRefusals.Row> refusals) {
        for (FalseRefusals.Row row : refusals) {
            ObjectNode node = null;
            for (com.fasterxml.jackson.databind.JsonNode each : perTarget) {
                if (each.path("target").asText().equals(row.target())) {
                    node = (ObjectNode) each;
                }
            }
            if (node == null) {
                node = perTarget.addObject().put("target", row.target());
            }
            node.put("benign_prompts", row.prompts()).put("benign_judged", row.judged()).put("benign_refused", row.refused())
                    .put("benign_errors", row.errors()).put("benign_not_run", row.notRun());
            if (row.rate() == null) {
                node.putNull("false_refusal_rate");
                node.putNull("false_refusal_ci95");
            } else {
                node.put("false_refusal_rate", row.rate().estimate());
                node.putArray("false_refusal_ci95").add(row.rate().low()).add(row.rate().high());
            }
        }
        return perTarget;
    }
}
