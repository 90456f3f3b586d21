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
import org.redteam4j.app.cli.TerminalText;
import org.redteam4j.app.workbench.ReplyLabel;
import org.redteam4j.config.Environment;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.config.judges.Judges;
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
        if (command.json) {
            command.spec.commandLine().getOut().println(json(labels, evaluations));
        } else {
            command.spec.commandLine().getOut().print(text(labels, evaluations));
        }
        JudgeEvaluation first = evaluations.get(0);
        if (calibrationFile != null) {
            if (first.overall() == null) {
                err.println("eval-judge: " + TerminalText.line(first.judge()) + " gave no usable verdict on the labelled replies; "
                        + "no calibration written");
                return ExitCodes.EXTERNAL_FAILURE;
            }
            command.chosenTask = first.task();
            command.writeCalibration(calibrationFile, first.calibration(), first.judge());
        }
        return evaluations.stream().allMatch(e -> e.overall() == null) ? ExitCodes.EXTERNAL_FAILURE : ExitCodes.OK;
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

    private ObjectNode json(AutomatedLabels labels, List<JudgeEvaluation> evaluations) {
        ObjectNode root = Json.mapper().createObjectNode().put("campaign", labels.campaign()).put("kind", "automated")
                .put("source", labels.source());
        ObjectNode sample = root.putObject("sample").put("id", labels.sample().id()).put("seed", labels.sample().seed())
                .put("per_target", labels.sample().perTarget()).put("labellers", labels.sample().labellers())
                .put("decided", labels.decided().size());
        ObjectNode leftOut = sample.putObject("left_out");
        labels.leftOut().forEach(leftOut::put);
        ObjectNode counts = root.putObject("labels");
        for (ReplyLabel label : ReplyLabel.values()) {
            counts.put(label.id(), labels.labels().stream().filter(l -> l == label).count());
        }
        ArrayNode judges = root.putArray("judges");
        evaluations.forEach(evaluation -> judges.add(evaluation.json()));
        return root;
    }

    private String text(AutomatedLabels labels, List<JudgeEvaluation> evaluations) {
        StringBuilder text = new StringBuilder();
        Map<String, Long> counts = new TreeMap<>();
        labels.labels().forEach(label -> counts.merge(label.text().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        text.append("Automated campaign ").append(TerminalText.line(labels.campaign())).append(": ")
                .append(labels.decided().size()).append(" labelled replies ").append(counts).append('\n');
        labels.leftOut().forEach((why, count) -> text.append("  left out ").append(count).append(": ").append(why).append('\n'));
        text.append(command.judgeSpec != null ? "  judge run on the labelled replies: " + TerminalText.line(command.judgeSpec)
                : "  the campaign's judges measured: " + evaluations.size() + " of " + labels.judges().size()).append('\n');
        for (JudgeEvaluation evaluation : evaluations) {
            text.append('\n').append(evaluation.text());
        }
        return text.toString();
    }
}
