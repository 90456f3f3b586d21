package org.redteam4j.app.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.core.analysis.Confusion;
import org.redteam4j.core.analysis.Interval;
import org.redteam4j.core.analysis.JudgeAgreement;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.Verdict;

/**
 * What eval-judge found: counts of items, judged, errors and skips; the judge's agreement with the
 * labels overall and per group; its speed — as text for people and as the documented JSON.
 */
record JudgeEvaluation(String judge, JudgeCalibration.Task task, String source, int items, int judged, int errors,
                       Map<String, Integer> skipped, String firstError, JudgeAgreement overall, String by,
                       Map<String, Group> groups, double perSecond) {

    /** One value of --by: its counts and agreement (null when nothing in it was judged). */
    record Group(int items, int judged, int errors, int skipped, JudgeAgreement agreement) {
    }

    static JudgeEvaluation of(String judge, JudgeCalibration.Task task, LabelledCases cases, List<JudgeRun.Call> calls,
                              String by, double seconds) {
        Map<String, Integer> skipped = new TreeMap<>(cases.unlabelled());
        int errors = 0;
        String firstError = null;
        for (JudgeRun.Call call : calls) {
            if (call.failure() == Verdict.Outcome.ERROR) {
                errors++;
                firstError = firstError == null ? call.reason() : firstError;
            } else if (call.failure() == Verdict.Outcome.SKIPPED) {
                skipped.merge("judge skipped: " + call.reason(), 1, Integer::sum);
            }
        }
        Map<String, Group> groups = new TreeMap<>();
        if (by != null) {
            Map<String, List<JudgeRun.Call>> byValue = new TreeMap<>();
            calls.forEach(call -> byValue.computeIfAbsent(call.item().attributes().getOrDefault(by, "(none)"),
                    value -> new ArrayList<>()).add(call));
            byValue.forEach((value, group) -> {
                int groupErrors = (int) group.stream().filter(call -> call.failure() == Verdict.Outcome.ERROR).count();
                int groupSkipped = (int) group.stream().filter(call -> call.failure() == Verdict.Outcome.SKIPPED).count();
                JudgeAgreement agreement = agreement(group);
                groups.put(value, new Group(group.size(), group.size() - groupErrors - groupSkipped, groupErrors,
                        groupSkipped, agreement));
            });
        }
        JudgeAgreement overall = agreement(calls);
        int judged = overall == null ? 0 : (int) overall.confusion().total();
        int items = calls.size() + cases.unlabelled().values().stream().mapToInt(Integer::intValue).sum();
        int replies = calls.stream().mapToInt(JudgeRun.Call::replies).sum();
        return new JudgeEvaluation(judge, task, cases.source(), items, judged, errors, skipped, firstError, overall, by,
                groups, seconds > 0 ? replies / seconds : Double.NaN);
    }

    private static JudgeAgreement agreement(List<JudgeRun.Call> calls) {
        List<JudgeRun.Call> judged = calls.stream().filter(call -> call.positive() != null).toList();
        if (judged.isEmpty()) {
            return null;
        }
        boolean[] predicted = new boolean[judged.size()];
        boolean[] truth = new boolean[judged.size()];
        for (int i = 0; i < judged.size(); i++) {
            predicted[i] = judged.get(i).positive();
            truth[i] = judged.get(i).item().label();
        }
        return JudgeAgreement.of(predicted, truth);
    }

    int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The overall confusion as a calibration file holds it. */
    JudgeCalibration calibration() {
        Confusion c = overall.confusion();
        return new JudgeCalibration(judge, task, source, c.truePositives(), c.falsePositives(), c.falseNegatives(),
                c.trueNegatives());
    }

    ObjectNode json() {
        ObjectNode root = Json.mapper().createObjectNode().put("judge", judge).put("task", task.id())
                .put("positive", task.positive()).put("source", source).put("items", items);
        counts(root, judged, errors, skippedCount(), overall);
        ObjectNode reasons = root.putObject("skipped_reasons");
        skipped.forEach(reasons::put);
        if (by != null) {
            ObjectNode byNode = root.putObject("by").put("column", by).putObject("values");
            groups.forEach((value, group) -> counts(byNode.putObject(value).put("items", group.items()), group.judged(),
                    group.errors(), group.skipped(), group.agreement()));
        }
        if (Double.isFinite(perSecond)) {
            root.put("per_second", perSecond);
        } else {
            root.putNull("per_second");
        }
        return root;
    }

    private static void counts(ObjectNode node, int judged, int errors, int skipped, JudgeAgreement agreement) {
        node.put("judged", judged).put("errors", errors).put("skipped", skipped);
        if (agreement == null) {
            for (String field : List.of("accuracy", "precision", "recall", "f1", "kappa", "ci95", "confusion")) {
                node.putNull(field);
            }
            return;
        }
        putValue(node, "accuracy", agreement.accuracy().estimate());
        putValue(node, "precision", agreement.precision() == null ? Double.NaN : agreement.precision().estimate());
        putValue(node, "recall", agreement.recall() == null ? Double.NaN : agreement.recall().estimate());
        putValue(node, "f1", agreement.f1().estimate());
        putValue(node, "kappa", agreement.kappa().estimate());
        ObjectNode ci = node.putObject("ci95");
        interval(ci, "accuracy", agreement.accuracy());
        interval(ci, "precision", agreement.precision());
        interval(ci, "recall", agreement.recall());
        interval(ci, "f1", agreement.f1());
        interval(ci, "kappa", agreement.kappa());
        Confusion c = agreement.confusion();
        node.putObject("confusion").put("tp", c.truePositives()).put("fp", c.falsePositives())
                .put("fn", c.falseNegatives()).put("tn", c.trueNegatives());
    }

    private static void putValue(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static void interval(ObjectNode ci, String field, Proportion share) {
        if (share == null) {
            ci.putNull(field);
        } else {
            ci.putArray(field).add(share.low()).add(share.high());
        }
    }

    private static void interval(ObjectNode ci, String field, Interval interval) {
        if (!Double.isFinite(interval.low())) {
            ci.putNull(field);
        } else {
            ci.putArray(field).add(interval.low()).add(interval.high());
        }
    }

    String text() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s on %s, task %s (positive = %s)%n", TerminalText.line(judge),
                TerminalText.line(source), task.id(), task.positive()));
        text.append(String.format(Locale.ROOT, "  %,d items: %,d judged, %,d errors, %,d skipped%n", items, judged, errors,
                skippedCount()));
        skipped.forEach((reason, count) -> text.append(String.format(Locale.ROOT, "    skipped %,d: %s%n", count,
                TerminalText.line(reason))));
        if (firstError != null) {
            text.append("    first error: ").append(TerminalText.line(firstError)).append('\n');
        }
        if (overall != null) {
            text.append("  accuracy  ").append(percent(overall.accuracy())).append('\n');
            text.append("  precision ").append(percent(overall.precision())).append('\n');
            text.append("  recall    ").append(percent(overall.recall())).append('\n');
            text.append("  F1        ").append(number(overall.f1())).append('\n');
            text.append("  kappa     ").append(number(overall.kappa())).append('\n');
            Confusion c = overall.confusion();
            text.append(String.format(Locale.ROOT, "  confusion: tp %,d  fp %,d  fn %,d  tn %,d  (%s = positive)%n",
                    c.truePositives(), c.falsePositives(), c.falseNegatives(), c.trueNegatives(), task.positive()));
            if (Double.isFinite(perSecond)) { // unknown when measured from stored verdicts
                text.append(String.format(Locale.ROOT, "  %.1f replies judged per second%n", perSecond));
            }
        }
        if (by != null) {
            text.append(String.format(Locale.ROOT, "  by %s:%n    %-24s %6s %6s %8s %10s %8s %8s %7s%n", TerminalText.line(by),
                    "value", "items", "judged", "accuracy", "precision", "recall", "F1", "kappa"));
            groups.forEach((value, group) -> {
                JudgeAgreement a = group.agreement();
                text.append(String.format(Locale.ROOT, "    %-24s %6d %6d %8s %10s %8s %8s %7s%n", clip(value, 24),
                        group.items(), group.judged(), a == null ? "-" : share(a.accuracy()),
                        a == null ? "-" : share(a.precision()), a == null ? "-" : share(a.recall()),
                        a == null ? "-" : decimal(a.f1().estimate()), a == null ? "-" : decimal(a.kappa().estimate())));
            });
        }
        return text.toString();
    }

    private static String percent(Proportion share) {
        return share == null ? "- (nothing in the denominator)" : String.format(Locale.ROOT, "%.3f (95%% CI %.3f–%.3f, n=%,d)",
                share.estimate(), share.low(), share.high(), share.trials());
    }

    private static String share(Proportion share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%.3f", share.estimate());
    }

    private static String number(Interval interval) {
        if (Double.isNaN(interval.estimate())) {
            return "- (undefined: nothing positive, or both sides constant)";
        }
        return decimal(interval.estimate()) + (Double.isNaN(interval.low()) ? ""
                : " (95% CI " + decimal(interval.low()) + "–" + decimal(interval.high()) + ")");
    }

    /** Three decimals; NaN as "-", and never "-0.000". */
    private static String decimal(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", Math.abs(value) < 0.0005 ? 0.0 : value);
    }

    /** A group's value, escaped and cut to its column so the table stays aligned. */
    private static String clip(String value, int width) {
        String line = TerminalText.line(value);
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }
}
