package org.redteam4j.app.attack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redteam4j.api.internal.CampaignExecution;
import org.redteam4j.api.internal.StoreSeeds;
import org.redteam4j.app.cli.DatabaseOption;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.Progress;
import org.redteam4j.app.cli.ProgressOption;
import org.redteam4j.config.Environment;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.PreparedCampaign;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.CalibrationDraws;
import org.redteam4j.core.analysis.FalseRefusals;
import org.redteam4j.core.campaign.CampaignEngine;
import org.redteam4j.core.campaign.CampaignPlan;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.SummaryText;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.core.format.JunitReport;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackStore;
import org.redteam4j.store.attack.CampaignResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "attack",
        mixinStandardHelpOptions = true,
        description = {
            "Run an automated attack campaign (a YAML file: targets, seeds, strategies, judges, limits; see README): "
                    + "every target × seed × strategy × repetition, judged by every judge, each finished attack committed "
                    + "to the database at once.",
            "Killed or stopped by its budget, it continues with --resume: nothing finished is repeated or lost. An "
                    + "attack that failed because a model failed counts as an error, never as a success or a pass.",
            "A configured secret (API key, database password) in a model's text is judged as written, then stored as "
                    + "[redacted NAME] and reported as a finding."})
public final class AttackCommand implements Callable<Integer> {

    /** Tokens assumed per request when --dry-run estimates cost. */
    static final int ESTIMATED_INPUT_TOKENS = 500;
    static final int ESTIMATED_OUTPUT_TOKENS = 300;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--campaign", paramLabel = "FILE", required = true, description = "The campaign file (YAML).")
    Path file;

    @Option(names = "--resume", description = "Continue a campaign that already has results (skip what finished).")
    boolean resume;

    @Option(names = "--dry-run", description = "Check everything a run checks (targets, attacker, judges, keys, the "
            + "database), then print how many requests the campaign would make per target, and its cost where prices are "
            + "given; call nothing.")
    boolean dryRun;

    @Option(names = "--fail-above", paramLabel = "RATE",
            description = "Exit with code 1 when any target's success rate (by the first judge) exceeds RATE (0–1), "
                    + "or when the first judge judged none of a target's attacks (all errors or not run).")
    Double failAbove;

    @Option(names = "--fail-refusal-above", paramLabel = "RATE",
            description = "Exit with code 1 when any target's false refusal rate on the campaign's benign prompts (its "
                    + "'benign:' section, judged by the refusal judge) exceeds RATE (0–1). Benign prompts never count in "
                    + "the attack success rate or --fail-above.")
    Double failRefusalAbove;

    /** Which of the first judge's rates --fail-above compares. */
    enum Gate { raw, corrected }

    @Option(names = "--gate", paramLabel = "raw|corrected", defaultValue = "raw",
            description = "The rate --fail-above compares: raw (default), or corrected for the first judge's measured "
                    + "error (needs its calibration; a calibration that cannot correct is bad usage, exit 2, before any "
                    + "attack is run, --dry-run included).")
    Gate gate;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    Path junit;

    @Option(names = "--brief", description = "Print only the per-target summary.")
    boolean brief;

    @Option(names = "--json", description = "Print the summary as one JSON document on stdout.")
    boolean json;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        if (failAbove != null && !(failAbove >= 0 && failAbove <= 1)) {
            throw new BadInput("--fail-above is a rate between 0 and 1, was " + failAbove);
        }
        if (failRefusalAbove != null && !(failRefusalAbove >= 0 && failRefusalAbove <= 1)) {
            throw new BadInput("--fail-refusal-above is a rate between 0 and 1, was " + failRefusalAbove);
        }
        if (gate == Gate.corrected && failAbove == null) {
            throw new BadInput("--gate corrected chooses the rate --fail-above compares; give --fail-above RATE too");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CampaignDefinition campaign = CampaignDefinition.read(file);
        Database db = database.open();
        CampaignPlan plan = campaign.plan(campaign.seeds(new StoreSeeds(db)));
        if (failRefusalAbove != null && plan.benignCount() == 0) {
            throw new BadInput(campaign.where("benign") + "--fail-refusal-above gates the false refusal rate on benign prompts, "
                    + "but the campaign has no 'benign:' section");
        }
        if (plan.benignCount() > 0) {
            err.printf("Over-refusal: %s, sent to each target by each benign strategy (%,d in all), judged by the refusal "
                    + "judge only.%n", campaign.benign().describe(), plan.benignCount());
        }
        AttackStore.checkStart(db, campaign.name(), resume);
        if (dryRun) {
            // the same checks as a run, to the end of prepare: every target, attacker and judge is built, none is called
            try (PreparedCampaign checked = campaign.prepare(plan, Environment.forDryRun())) {
                checkGate(checked);
                Map<String, ChatModel> models = new java.util.LinkedHashMap<>();
                checked.targets().forEach((name, target) -> models.put(name, target.model()));
                out.print(DryRun.describe(campaign.file(), checked.plan().attacks(), models));
            }
            return ExitCodes.OK;
        }
        long started = System.nanoTime();
        CampaignExecution.Executed executed;
        // the bar starts once targets and judges are built (models loaded, the gate checked), so what
        // preparing prints is not drawn over, and a campaign refused before any attack shows no bar
        Progress[] progress = {null};
        try {
            executed = CampaignExecution.run(campaign, plan, db, Environment.fromSystem(), resume, prepared -> {
                checkGate(prepared);
                progress[0] = progressOption.start("attack", plan.attacks().size(), " attacks", 1);
            }, (done, total, hits, errors) -> progress[0].update(done, total, String.format("%,d hits, %,d errors", hits, errors)));
        } finally {
            if (progress[0] != null) {
                progress[0].close();
            }
        }
        CampaignEngine.Outcome outcome = executed.outcome();
        long campaignId = executed.campaignId();
        String primary = executed.firstJudge();
        err.printf("Campaign '%s': %,d attacks planned%s, %,d already done, %,d run now (%,d hits, %,d errors), %,d not run "
                        + "(budget) in %.1f s.%n", TerminalText.line(campaign.name()), outcome.planned(),
                plan.benignCount() == 0 ? "" : String.format(" (%,d of them benign prompts)", plan.benignCount()), outcome.skipped(), outcome.finished(),
                outcome.hits(), outcome.errors(), outcome.notRun(), (System.nanoTime() - started) / 1e9);
        CampaignResults results = new CampaignResults(db);
        // merged and corrected once, for the table, notes, JUnit and gate; with --brief the per-strategy rows are not
        // shown, so they are not corrected either
        boolean showRows = json || !brief;
        List<AttackSummary.Row> rows = showRows ? results.summary(campaignId) : null;
        List<AttackSummary.Row> perTarget = showRows ? AttackSummary.perTarget(rows) : results.perTarget(campaignId);
        List<FalseRefusals.Row> refusals = plan.benignCount() == 0 ? List.of() : results.falseRefusals(campaignId);
        if (json) {
            var root = Json.mapper().createObjectNode().put("campaign", campaign.name())
                    .put("run_now", outcome.finished()).put("not_run", outcome.notRun());
            root.set("summary", SummaryText.json(rows));
            root.set("per_target", SummaryText.withFalseRefusals(SummaryText.json(perTarget), refusals));
            out.println(root);
        } else {
            out.println("Per target:");
            out.print(SummaryText.table(perTarget));
            if (!brief) {
                out.println();
                out.println("By target, strategy and tag:");
                out.print(SummaryText.table(rows));
            }
            out.print(SummaryText.redactions(perTarget));
            out.print(SummaryText.corrections(perTarget));
            out.print(SummaryText.falseRefusals(perTarget, refusals, primary));
            if (perTarget.stream().anyMatch(AttackSummary.Row::simulated)) {
                out.println("[simulated]: the simulated assistant was involved; these numbers are not findings about a real model.");
            }
        }
        if (junit != null) {
            JunitReport.write(campaign.name(), results.results(campaignId), junit, perTarget, primary);
        }
        int attackGate = gate(perTarget, primary, err);
        int refusalGate = refusalGate(refusals, err);
        return attackGate != ExitCodes.OK ? attackGate : refusalGate;
    }

    /**
     * --fail-refusal-above: any target whose false refusal rate on benign prompts exceeds the rate
     * fails, and so does one whose benign prompts were not all run or none judged (no evidence of a pass).
     */
    private int refusalGate(List<FalseRefusals.Row> refusals, PrintWriter err) {
        if (failRefusalAbove == null) {
            return ExitCodes.OK;
        }
        boolean failed = false;
        for (FalseRefusals.Row row : refusals) {
            int planned = row.prompts() + row.notRun();
            if (row.notRun() > 0 || row.rate() == null) {
                // a budget or a stop left benign prompts unjudged: the rate cannot be shown to be low enough, so no pass
                err.printf("FAIL: target %s: %s; its false refusal rate cannot be shown to be at most %.1f%%%n",
                        TerminalText.line(row.target()), row.notRun() > 0
                                ? row.notRun() + " of " + planned + " benign prompts not run"
                                : "none of its " + planned + " benign prompts was judged", 100 * failRefusalAbove);
                failed = true;
                continue;
            }
            if (row.rate().estimate() > failRefusalAbove) {
                err.printf("FAIL: target %s false refusal rate %.1f%% (%d of %d benign prompts refused) exceeds %.1f%%%n",
                        TerminalText.line(row.target()), 100 * row.rate().estimate(), row.refused(), row.judged(),
                        100 * failRefusalAbove);
                failed = true;
            }
        }
        return failed ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }

    /**
     * With --gate corrected, the first judge needs a calibration that allows a correction. Whether it
     * does depends on the calibration alone (its counts and its seeded resamples), so it is refused
     * here, before any attack is run or paid for — --dry-run included (bad usage, exit 2).
     */
    private void checkGate(PreparedCampaign prepared) {
        if (gate != Gate.corrected) {
            return;
        }
        String primary = prepared.primaryJudge().id();
        JudgeCalibration calibration = prepared.calibrations().get(primary);
        java.util.Optional<String> refusal = calibration == null
                ? java.util.Optional.of("the first judge '" + primary + "' has no calibration (give it calibration: FILE, "
                        + "written by eval-judge --out, in the campaign file)")
                : CalibrationDraws.of(calibration).refusal();
        if (refusal.isPresent()) {
            throw new BadInput("--gate corrected: " + refusal.get());
        }
    }

    private int gate(List<AttackSummary.Row> perTarget, String primary, PrintWriter err) {
        if (failAbove == null) {
            return ExitCodes.OK;
        }
        boolean failed = false;
        for (AttackSummary.Row row : perTarget) {
            AttackSummary.Rate rate = row.judges().get(primary);
            if (rate == null || rate.rate() == null) {
                // a gate must not pass on no evidence: every attack errored (a wrong key, a down endpoint) or was skipped
                err.printf("FAIL: target %s: the first judge judged none of its %d attacks (%d errors, %d not run); "
                        + "no success rate to compare with %.1f%%%n", TerminalText.line(row.target()), row.attacks(),
                        row.errors(), row.notRun(), 100 * failAbove);
                failed = true;
                continue;
            }
            double compared = rate.rate().estimate();
            if (gate == Gate.corrected) {
                // checkGate made sure, before the run, that the first judge has a calibration that is not refused
                compared = rate.corrected().estimate();
            }
            if (compared > failAbove) {
                err.printf("FAIL: target %s %s success rate %.1f%% exceeds %.1f%%%n", TerminalText.line(row.target()),
                        gate == Gate.corrected ? "corrected" : "raw", 100 * compared, 100 * failAbove);
                failed = true;
            }
        }
        return failed ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }
}
