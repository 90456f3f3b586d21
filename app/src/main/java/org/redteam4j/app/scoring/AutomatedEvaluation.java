package org.redteam4j.app.scoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.OutputFile;
import org.redteam4j.app.cli.Progress;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.app.workbench.ReplyLabel;
import org.redteam4j.config.Environment;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.config.judges.Judges;
import org.redteam4j.core.analysis.Confusion;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.catalogue.ComponentId;
import org.redteam4j.core.catalogue.JudgeTasks;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.store.Database;

/**
 * {@code eval-judge --from-db CAMPAIGN} on an automated campaign: every judge of the campaign
 * measured against the labels its calibration sample got in the workbench, from the verdicts the
 * campaign stored — or, with {@code --judge}, that judge run on the same labelled replies.
 */
final class AutomatedEvaluation {

    /** How the overall figures pool the targets' strata, said in every report. */
    static final String POOLED = "unweighted over targets: each target's stratum (per_target replies, or all it has) counts "
            + "as drawn, whatever its share of the campaign's replies; see --by target";

    private final EvalJudgeCommand command;
    private final Database db;
    private final long campaignId;

    AutomatedEvaluation(EvalJudgeCommand command, Database db, long campaignId) {
        this.command = command;
        this.db = db;
        this.campaignId = campaignId;
    }

    int run(OutputFile calibrationFile) {
        PrintWriter err = command.spec.commandLine().getErr();
        AutomatedLabels labels = AutomatedLabels.load(db, campaignId, command.campaign);
        if (labels.decided().isEmpty()) {
            throw new BadInput("--from-db " + command.campaign + ": no reply of its calibration sample has all its labels yet"
                    + (labels.leftOut().isEmpty() ? "" : " " + labels.leftOut()));
        }
        if (!labels.grownSinceDraw().isEmpty()) {
            StringBuilder grown = new StringBuilder();
            labels.grownSinceDraw().forEach((target, counts) -> grown.append(grown.length() == 0 ? "" : "; ")
                    .append(TerminalText.line(target)).append(' ').append(counts[0]).append(" then, ").append(counts[1]).append(" now"));
            err.println("warning: the campaign has more replies than when its sample was drawn (" + grown + "): the sample is "
                    + "uniform over the replies at the draw, not over the campaign as it is now");
        }
        if (labels.simulated()) {
            err.println("note: the labelled replies come from simulated targets (sim): these figures measure the judges on "
                    + "simulated text, not on a model's replies");
        }
        JudgeCalibration.Task given = command.task == null ? null : EvalJudgeCommand.parseTask(command.task);
        List<JudgeEvaluation> evaluations = command.judgeSpec != null ? List.of(rerun(labels, given, err))
                : stored(labels, given, err);
        if (evaluations.isEmpty()) {
            throw new BadInput("--from-db " + command.campaign + ": none of the campaign's judges " + labels.judges()
                    + " decides the " + (given == null ? "refusal or harm" : given.id()) + " task");
        }
        if (command.by != null && labels.cases(evaluations.get(0).task()).cases().stream()
                .noneMatch(item -> item.attributes().containsKey(command.by))) {
            throw new BadInput("--by " + command.by + ": an automated campaign's replies have target, strategy, tag and label");
        }
        // chosen before anything is printed: --out writes the campaign's primary judge, or the judge --judge ran
        JudgeEvaluation written = calibrationFile == null ? null : command.judgeSpec != null ? evaluations.get(0)
                : primary(labels, evaluations);
        if (command.json) {
            command.spec.commandLine().getOut().println(json(labels, evaluations));
        } else {
            command.spec.commandLine().getOut().print(text(labels, evaluations));
        }
        if (evaluations.stream().allMatch(e -> e.overall() == null)) {
            return noVerdict(err, evaluations);
        }
        if (written != null) {
            if (written.overall() == null) {
                return noVerdict(err, List.of(written));
            }
            command.chosenTask = written.task();
            Map<String, String> extra = new java.util.LinkedHashMap<>();
            extra.put("sample", labels.source());
            if (labels.simulated()) {
                extra.put("simulated", "true: measured on replies of simulated targets (sim)");
            }
            command.writeCalibration(calibrationFile, written.calibration(), written.judge(), extra);
        }
        return ExitCodes.OK;
    }

    /**
     * The evaluation of the campaign's primary judge (its first declared judge: the one its rates
     * and {@code attack --gate corrected} use), or bad input naming it when it was not measured.
     */
    private JudgeEvaluation primary(AutomatedLabels labels, List<JudgeEvaluation> evaluations) {
        String primary = labels.primaryJudge().orElseThrow(() -> new BadInput("--out: campaign " + command.campaign
                + " does not record which judge came first (its provenance names no judges); say which judge to measure "
                + "and write with --judge JUDGE"));
        return evaluations.stream().filter(e -> e.judge().equals(primary)).findFirst().orElseThrow(() -> new BadInput(
                "--out: the campaign's first judge " + primary + " (the one attack --gate corrected uses) was not measured on "
                        + "this task, so there is no calibration of it to write; measure it on its own task (leave out --task), "
                        + "or run a judge with --judge JUDGE and write that one"));
    }

    /** No usable verdict on any labelled reply: bad input when the judges only skipped (the task does not suit them). */
    private static int noVerdict(PrintWriter err, List<JudgeEvaluation> evaluations) {
        if (evaluations.stream().allMatch(e -> e.errors() == 0)) {
            err.println("eval-judge: the judges gave no usable verdict on this task (they skipped every labelled reply)");
            return ExitCodes.BAD_INPUT;
        }
        JudgeEvaluation failed = evaluations.stream().filter(e -> e.errors() > 0).findFirst().orElseThrow();
        err.println("eval-judge: " + TerminalText.line(failed.judge()) + " gave no usable verdict on the labelled replies ("
                + failed.errors() + " errors); first: " + TerminalText.line(failed.firstError()) + "; no calibration written");
        return ExitCodes.EXTERNAL_FAILURE;
    }

    /** Each judge of the campaign, on its own task (or --task), from the verdicts it stored: nothing is run again. */
    private List<JudgeEvaluation> stored(AutomatedLabels labels, JudgeCalibration.Task given, PrintWriter err) {
        List<JudgeEvaluation> evaluations = new ArrayList<>();
        for (String judge : labels.judges()) {
            String catalogueId = ComponentId.parse(judge).catalogueId();
            Optional<JudgeCalibration.Task> own = JudgeTasks.of(catalogueId);
            JudgeCalibration.Task task = given != null ? given : own.orElse(null);
            if (task == null) {
                err.println("note: " + TerminalText.line(judge) + " decides neither refusal nor harm; not measured");
                continue;
            }
            if (task == JudgeCalibration.Task.REFUSAL && !JudgeTasks.saysWhetherRefused(catalogueId)) {
                err.println("note: " + TerminalText.line(judge) + " says whether a reply is unsafe, not whether it refused; "
                        + "not measured on the refusal task");
                continue;
            }
            LabelledCases cases = labels.cases(task);
            evaluations.add(JudgeEvaluation.of(judge, task, cases, labels.storedCalls(judge, task, cases), command.by, 0));
        }
        err.println("measured from the verdicts the campaign stored (no judge was run); --judge JUDGE runs another judge "
                + "on the same labels");
        return evaluations;
    }

    /** The judge of --judge, run on the labelled replies as it would judge them in a campaign. */
    private JudgeEvaluation rerun(AutomatedLabels labels, JudgeCalibration.Task given, PrintWriter err) {
        JudgeSpec parsed = JudgeSpec.parse(command.judgeSpec, "--judge: ").withBaseUrl(command.judgeBaseUrl)
                .withDefaultConcurrency(command.concurrency);
        JudgeCalibration.Task task = given != null ? given : JudgeTasks.of(parsed.id()).orElse(JudgeCalibration.Task.HARM);
        if (task == JudgeCalibration.Task.REFUSAL && !JudgeTasks.saysWhetherRefused(parsed.id())) {
            throw new BadInput("--judge " + command.judgeSpec + ": a " + parsed.id() + " judge says whether a reply is unsafe, "
                    + "not whether it refused; measure it with --task harm");
        }
        Judge judge = new Judges(Environment.fromSystem()).judge(parsed);
        LabelledCases cases = labels.cases(task);
        int total = cases.cases().size();
        long started = System.nanoTime();
        List<JudgeRun.Call> calls;
        try (Progress progress = command.progressOption.start("eval-judge", total, " replies", 1)) {
            calls = new JudgeRun(judge, task, command.concurrency).run(cases.cases(),
                    done -> progress.update(done, total, String.format("%,d of %,d", done, total)));
        }
        err.println("ran " + TerminalText.line(judge.id()) + " on the labelled replies; the campaign's stored verdicts were not used");
        return JudgeEvaluation.of(judge.id(), task, cases, calls, command.by, (System.nanoTime() - started) / 1e9);
    }

    /** The JSON document of an automated campaign's evaluation; its fields are listed in the README's eval-judge section. */
    private ObjectNode json(AutomatedLabels labels, List<JudgeEvaluation> evaluations) {
        ObjectNode root = Json.mapper().createObjectNode().put("campaign", labels.campaign()).put("kind", "automated")
                .put("source", labels.source()).put("simulated", labels.simulated()).put("pooled", POOLED);
        if (labels.primaryJudge().isPresent()) {
            root.put("primary_judge", labels.primaryJudge().get());
        } else {
            root.putNull("primary_judge");
        }
        ObjectNode sample = root.putObject("sample").put("id", labels.sample().id()).put("seed", labels.sample().seed())
                .put("per_target", labels.sample().perTarget()).put("labellers", labels.sample().labellers())
                .put("decided", labels.decided().size()).put("ties", labels.ties());
        ObjectNode leftOut = sample.putObject("left_out");
        labels.leftOut().forEach(leftOut::put);
        ObjectNode atDraw = sample.putObject("replies_at_draw");
        labels.repliesAtDraw().forEach(atDraw::put);
        ObjectNode grown = root.putObject("grown_since_draw");
        labels.grownSinceDraw().forEach((target, counts) -> grown.putObject(target).put("at_draw", counts[0]).put("now", counts[1]));
        ObjectNode counts = root.putObject("labels");
        for (ReplyLabel label : ReplyLabel.values()) {
            counts.put(label.id(), labels.labels().stream().filter(l -> l == label).count());
        }
        ArrayNode judges = root.putArray("judges");
        for (JudgeEvaluation evaluation : evaluations) {
            ObjectNode node = evaluation.json().put("ties", labels.ties());
            Optional<Proportion> lower = tiesAsErrors(evaluation, labels.ties());
            if (lower.isPresent()) {
                node.put("accuracy_ties_as_errors", lower.get().estimate());
                ((ObjectNode) node.get("ci95")).putArray("accuracy_ties_as_errors").add(lower.get().low()).add(lower.get().high());
            } else {
                node.putNull("accuracy_ties_as_errors");
            }
            judges.add(node);
        }
        return root;
    }

    /**
     * The accuracy with every tie (1/1/1, left out of the measures) counted as the judge's error: a
     * lower bound on its accuracy over the decided and tied replies, with its Wilson interval.
     */
    static Optional<Proportion> tiesAsErrors(JudgeEvaluation evaluation, int ties) {
        if (evaluation.overall() == null) {
            return Optional.empty();
        }
        Confusion c = evaluation.overall().confusion();
        return Optional.of(Proportion.of(c.truePositives() + c.trueNegatives(), c.total() + ties));
    }

    private String text(AutomatedLabels labels, List<JudgeEvaluation> evaluations) {
        StringBuilder text = new StringBuilder();
        Map<String, Long> counts = new TreeMap<>();
        labels.labels().forEach(label -> counts.merge(label.text().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        text.append("Automated campaign ").append(TerminalText.line(labels.campaign())).append(": ")
                .append(labels.decided().size()).append(" labelled replies ").append(counts).append('\n');
        if (labels.simulated()) {
            text.append("  SIMULATED: the replies come from simulated targets (sim), not from a model\n");
        }
        labels.leftOut().forEach((why, count) -> text.append("  left out ").append(count).append(": ").append(why).append('\n'));
        text.append("  pooled ").append(POOLED).append('\n');
        text.append(command.judgeSpec != null ? "  judge run on the labelled replies: " + TerminalText.line(command.judgeSpec)
                : "  the campaign's judges measured: " + evaluations.size() + " of " + labels.judges().size()
                        + labels.primaryJudge().map(p -> " (first: " + TerminalText.line(p) + ")").orElse("")).append('\n');
        for (JudgeEvaluation evaluation : evaluations) {
            text.append('\n').append(evaluation.text());
            tiesAsErrors(evaluation, labels.ties()).filter(lower -> labels.ties() > 0).ifPresent(lower -> text
                    .append("  accuracy with the ").append(labels.ties()).append(labels.ties() == 1 ? " tie" : " ties")
                    .append(" counted as judge errors (a lower bound): ").append(lower).append('\n'));
        }
        return text.toString();
    }
}
