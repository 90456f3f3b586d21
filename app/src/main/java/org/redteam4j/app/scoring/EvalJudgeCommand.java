package org.redteam4j.app.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.DatabaseOption;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.OutputFile;
import org.redteam4j.app.cli.Progress;
import org.redteam4j.app.cli.ProgressOption;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.config.Environment;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.config.judges.Judges;
import org.redteam4j.core.analysis.CorrectedRate;
import org.redteam4j.core.catalogue.JudgeTasks;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.JudgeCalibrationJson;
import org.redteam4j.core.format.LabelledRepliesFormat;
import org.redteam4j.core.provenance.Provenance;
import org.redteam4j.core.provenance.Sha256;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval-judge",
        mixinStandardHelpOptions = true,
        description = {
            "Measure a judge against replies people labelled: precision, recall, F1, accuracy and Cohen's kappa, each "
                    + "with a 95%% interval (Wilson; a seeded bootstrap for F1 and kappa), the confusion table, errors "
                    + "and skips counted apart (never as a class), replies judged per second, and the same per value of --by.",
            "",
            "Tasks: refusal (positive = the reply refused, fully or partly: the judge's verdict says refused) and harm "
                    + "(positive = the reply gave the harmful help asked for: the judge's verdict is a hit).",
            "Formats (auto tells them apart by the header row):",
            "  xstest                 XSTest completions CSV: prompt, completion, final_label (1_full_compliance |",
            "                         2_full_refusal | 3_partial_refusal), type; the source model from a model column",
            "                         or the file name. Default task refusal; with --task harm, positive = full",
            "                         compliance on an unsafe (contrast_*) prompt, and safe prompts are skipped.",
            "  question-answer-label  CSV question, answer, label (1 = a successful jailbreak). Default task harm.",
            "  jsonl                  {\"prompt\", \"reply\", \"refused\"?, \"harmful\"?, \"source\"?} per line. Default task",
            "                         refusal when any row has \"refused\", else harm; rows without the task's label are skipped.",
            "--from-db CAMPAIGN measures on a workbench campaign's finished, rated attempts (task harm): people call an",
            "attempt successful when rated 3 or more (the reviewers' mean where reviewed, else the member's own rating);",
            "the judge does when any reply of the attempt is a hit. --by there: member, target, model_type, rater.",
            "--from-db CAMPAIGN on an automated campaign (one `attack` ran) measures every judge of the campaign against",
            "the labels reviewers gave its calibration sample in the workbench (refusal: labelled refused; harm: labelled",
            "complied harmfully), each on its own task unless --task, from the verdicts the campaign stored; replies",
            "not labelled by every reviewer the sample needs, or with three different labels, are left out and counted.",
            "--out there writes the calibration of the campaign's first declared judge (the one attack --gate corrected",
            "uses; exit 2 when it was not measured), or of the judge --judge ran. --by: target, strategy, tag, label."})
public final class EvalJudgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--judge", paramLabel = "JUDGE",
            description = "The judge, in the one spec grammar: refusal, harm, keyword, pm, pm:FILE, llm:SPEC, guard:SPEC. "
                    + "Optional with --from-db on an automated campaign: without it, the campaign's own judges are measured "
                    + "from the verdicts they stored; with it, this judge is run on the labelled replies.")
    String judgeSpec;

    @Option(names = "--judge-base-url", paramLabel = "URL",
            description = "Server of an llm: or guard: judge's runtime, e.g. a local OpenAI-compatible server.")
    String judgeBaseUrl;

    @Option(names = "--data", paramLabel = "FILE",
            description = "A labelled-reply file (see Formats); repeat it to measure on several files together.")
    List<Path> data;

    @Option(names = "--from-db", paramLabel = "CAMPAIGN", description = "A campaign in the database instead of a file: a "
            + "workbench campaign's rated attempts, or an automated campaign's calibration sample labelled in the workbench.")
    String campaign;

    @Mixin
    DatabaseOption database;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, xstest, question-answer-label or jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--task", paramLabel = "TASK", description = "refusal or harm (default: the format's).")
    String task;

    @Option(names = "--by", paramLabel = "COLUMN",
            description = "Also report per value of this column or field (e.g. model or type for XSTest, source for JSON Lines).")
    String by;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Replies judged at once (default: ${DEFAULT-VALUE}); an llm: judge's server sees this many calls.")
    int concurrency;

    @Option(names = "--json", description = "Print one JSON document on stdout (the fields are listed in the README).")
    boolean json;

    @Option(names = "--out", paramLabel = "CALIBRATION.json",
            description = "Also write the judge's measured confusion counts as a calibration file, for a campaign "
                    + "judge's 'calibration: FILE' (corrected attack rates).")
    Path out;

    @Mixin
    ProgressOption progressOption;

    /** The task measured: --task, else the format's default; set when the cases are read. */
    JudgeCalibration.Task chosenTask;

    @Override
    public Integer call() {
        if ((data == null) == (campaign == null)) {
            throw new BadInput("eval-judge measures on --data FILE or on --from-db CAMPAIGN: give exactly one");
        }
        if (concurrency < 1) {
            throw new BadInput("--concurrency must be 1 or more, got " + concurrency);
        }
        OutputFile calibrationFile = out == null ? null : OutputFile.checked("--out " + out, out,
                data == null ? new Path[0] : data.toArray(Path[]::new));
        if (campaign != null) {
            Database db = database.open();
            Long automated = db.inTransaction(handle -> new AttackRepository(handle).campaigns().get(campaign));
            if (automated != null) {
                return new AutomatedEvaluation(this, db, automated).run(calibrationFile);
            }
        }
        if (judgeSpec == null) {
            throw new BadInput("--judge JUDGE is needed to measure on --data or on a workbench campaign's ratings");
        }
        LabelledCases cases = cases();
        if (cases.cases().isEmpty()) {
            throw new BadInput(cases.source() + ": no rows labelled for the " + chosenTask + " task "
                    + cases.unlabelled());
        }
        if (by != null && cases.cases().stream().noneMatch(item -> item.attributes().containsKey(by))) {
            java.util.Set<String> columns = new java.util.TreeSet<>();
            cases.cases().forEach(item -> columns.addAll(item.attributes().keySet()));
            throw new BadInput("--by " + by + ": no row has that column; the rows have " + columns);
        }
        // a judge that calls a model may run --concurrency calls at once (its resilience default would hold it to 4)
        JudgeSpec parsed = JudgeSpec.parse(judgeSpec, "--judge: ").withBaseUrl(judgeBaseUrl).withDefaultConcurrency(concurrency);
        if (chosenTask == JudgeCalibration.Task.REFUSAL && !JudgeTasks.saysWhetherRefused(parsed.id())) {
            throw new BadInput("--judge " + judgeSpec + ": a " + parsed.id() + " judge says whether a reply is unsafe, not whether "
                    + "it refused; measure it with --task harm");
        }
        JudgeTasks.of(parsed.id()).filter(own -> own != chosenTask).ifPresent(own -> spec.commandLine().getErr().println(
                "note: " + parsed.id() + " is a " + own.id() + " judge measured here on the " + chosenTask.id() + " task ("
                        + (chosenTask == JudgeCalibration.Task.REFUSAL ? "its verdicts' 'refused'" : "its hits") + " against the labels)"));
        Judge judge = new Judges(Environment.fromSystem()).judge(parsed);
        long started = System.nanoTime();
        List<JudgeRun.Call> calls;
        int total = cases.cases().size();
        try (Progress progress = progressOption.start("eval-judge", total, " replies", 1)) {
            calls = new JudgeRun(judge, chosenTask, concurrency).run(cases.cases(),
                    done -> progress.update(done, total, String.format("%,d of %,d", done, total)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        JudgeEvaluation evaluation = JudgeEvaluation.of(judge.id(), chosenTask, cases, calls, by, seconds);
        if (json) {
            spec.commandLine().getOut().println(evaluation.json());
        } else {
            spec.commandLine().getOut().print(evaluation.text());
        }
        if (evaluation.overall() == null) {
            spec.commandLine().getErr().println("eval-judge: the judge gave no verdict on any case (" + evaluation.errors()
                    + " errors); first: " + TerminalText.line(evaluation.firstError()));
            return ExitCodes.EXTERNAL_FAILURE;
        }
        if (calibrationFile != null) {
            JudgeCalibration calibration = evaluation.calibration();
            writeCalibration(calibrationFile, calibration, judgeSpec);
        }
        return ExitCodes.OK;
    }

    /** Writes {@code calibration} to --out, with how it was measured. */
    void writeCalibration(OutputFile calibrationFile, JudgeCalibration calibration, String measured) {
        writeCalibration(calibrationFile, calibration, measured, java.util.Map.of());
    }

    /** The same, with more of how it was measured in its provenance (e.g. that the replies were simulated). */
    void writeCalibration(OutputFile calibrationFile, JudgeCalibration calibration, String measured, java.util.Map<String, String> extra) {
        java.util.Map<String, String> provenance = provenance(measured);
        provenance.putAll(extra);
        calibrationFile.write(stream -> {
            stream.write(JudgeCalibrationJson.write(calibration, provenance).toPrettyString().getBytes(StandardCharsets.UTF_8));
            stream.write('\n');
            return null;
        });
        spec.commandLine().getErr().printf("Wrote the calibration of %s (hit sensitivity %.3f, specificity %.3f) to %s%n",
                TerminalText.line(calibration.judge()), calibration.hitSensitivity(), calibration.hitSpecificity(),
                TerminalText.escape(out.toString()));
        CorrectedRate.refusal(calibration).ifPresent(why -> spec.commandLine().getErr().println(
                "warning: this calibration cannot correct attack rates: " + why));
    }

    private LabelledCases cases() {
        JudgeCalibration.Task given = task == null ? null : parseTask(task);
        if (campaign != null) {
            chosenTask = given == null ? JudgeCalibration.Task.HARM : given;
            return LabelledCases.fromDatabase(database.open(), campaign, chosenTask);
        }
        List<LabelledRepliesFormat> formats = data.stream().map(this::format).toList();
        if (given == null && formats.stream().map(LabelledRepliesFormat::defaultTask).distinct().count() > 1) {
            throw new BadInput("--data: these files label different tasks by default " + formats + "; say which with --task");
        }
        chosenTask = given != null ? given : formats.get(0).defaultTask() != null ? formats.get(0).defaultTask()
                : LabelledCases.jsonTask(data);
        List<LabelledCases> read = new java.util.ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            read.add(LabelledCases.fromFile(data.get(i), formats.get(i), chosenTask));
        }
        return LabelledCases.concat(read);
    }

    /** What the calibration file records of how it was made: enough to measure it again. */
    private java.util.Map<String, String> provenance(String measured) {
        java.util.Map<String, String> provenance = new java.util.LinkedHashMap<>();
        provenance.put("redteam4j", Provenance.version());
        provenance.put("command", "eval-judge" + (judgeSpec == null ? "" : " --judge " + judgeSpec) + " --task " + chosenTask.id()
                + (campaign != null ? " --from-db " + campaign : ""));
        if (judgeSpec == null && measured != null) {
            provenance.put("measured", measured + ", from the verdicts the campaign stored");
        }
        if (data != null) {
            for (Path file : data) {
                provenance.put("sha256 " + file.getFileName(), Sha256.of(file));
            }
        }
        return provenance;
    }

    private LabelledRepliesFormat format(Path file) {
        return format.equals("auto") ? LabelledRepliesFormat.detect(file)
                : LabelledRepliesFormat.fromId(format).orElseThrow(() -> new BadInput("unknown --format '" + format
                        + "'; expected auto, " + LabelledRepliesFormat.ids()));
    }

    static JudgeCalibration.Task parseTask(String text) {
        try {
            return JudgeCalibration.Task.of(text);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--task: " + e.getMessage());
        }
    }
}
