package org.redteam4j.config.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.config.Environment;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.config.judges.Judges;
import org.redteam4j.config.targets.Target;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.campaign.AttackLedger;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.AttackTarget;
import org.redteam4j.core.campaign.Budget;
import org.redteam4j.core.campaign.CampaignEngine;
import org.redteam4j.core.campaign.CampaignPlan;
import org.redteam4j.core.campaign.InMemoryLedger;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.JudgeCalibrationJson;
import org.redteam4j.core.provenance.Provenance;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.secrets.Secrets;

/**
 * A campaign ready to run: its plan, and the targets, attacker and judges built once from its
 * declaration. The command line runs it into the store, a Spark partition into memory, a library
 * user into either; closing it closes every model it built.
 */
public final class PreparedCampaign implements AutoCloseable {

    /** A run's outcome and, for an in-memory run, its results. */
    public record Run(CampaignEngine.Outcome outcome, List<AttackResult> results) {

        /** Per target × strategy × tag, uncorrected (see {@link #summary(Map)}). */
        public List<AttackSummary.Row> summary() {
            return AttackSummary.of(results);
        }

        /** Per target × strategy × tag, with rates corrected by {@code calibrations} (judge id → calibration). */
        public List<AttackSummary.Row> summary(Map<String, JudgeCalibration> calibrations) {
            return AttackSummary.of(results, calibrations);
        }

        /** Over-refusal per target: the benign prompts' false refusal rate (the attack rows leave them out). */
        public List<org.redteam4j.core.analysis.FalseRefusals.Row> falseRefusals() {
            return org.redteam4j.core.analysis.FalseRefusals.of(results);
        }

        /** Per target, over strategies and tags. */
        public List<AttackSummary.Row> perTarget() {
            return AttackSummary.perTarget(summary());
        }
    }

    private final CampaignDefinition definition;
    private final CampaignPlan plan;
    private final Map<String, Target> targets;
    private final ChatModel attacker;
    private final List<Judge> judges;
    private final AttackTools tools;
    private final Secrets secrets;
    private final Map<String, JudgeCalibration> calibrationFiles;
    private final Judge benignJudge;

    private PreparedCampaign(CampaignDefinition definition, CampaignPlan plan, Map<String, Target> targets, ChatModel attacker,
                             List<Judge> judges, Map<String, JudgeCalibration> calibrationFiles, AttackTools tools, Secrets secrets,
                             Judge benignJudge) {
        this.definition = definition;
        this.plan = plan;
        this.targets = targets;
        this.attacker = attacker;
        this.judges = judges;
        this.tools = tools;
        this.secrets = secrets;
        this.calibrationFiles = calibrationFiles;
        this.benignJudge = benignJudge;
    }

    static PreparedCampaign assemble(CampaignDefinition definition, CampaignPlan plan, Environment environment) {
        CampaignFile file = definition.file();
        List<Judge> judges = new ArrayList<>();
        Map<String, JudgeCalibration> calibrationFiles = new LinkedHashMap<>();
        Judges builder = new Judges(environment);
        for (com.fasterxml.jackson.databind.JsonNode node : file.judges()) {
            String where = definition.where(CampaignDefinition.token(node), "judges");
            try {
                JudgeSpec spec = JudgeSpec.parse(node, where).withDefaultConcurrency(file.concurrency());
                // read before the judge is built, so a bad file fails before any model loads
                JudgeCalibration calibration = spec.calibration() == null ? null
                        : JudgeCalibrationJson.read(definition.resolve(spec.calibration()));
                Judge judge = builder.judge(spec);
                judges.add(judge);
                if (calibration != null) {
                    calibrationFiles.put(judge.id(), calibration);
                }
            } catch (BadInput e) { // a threshold out of range, a judge model that cannot be built, a bad calibration file
                throw e.getMessage().startsWith(where) ? e : new BadInput(where + e.getMessage(), e);
            }
        }
        // benign prompts are judged for refusal only, whatever the campaign's judges are
        Judge benignJudge = plan.benignCount() == 0 ? null : builder.judge(JudgeSpec.parse("refusal", definition.where("benign")));
        Map<String, Target> targets = new LinkedHashMap<>();
        ChatModel attacker = null;
        String[] building = {"targets"}; // the keys whose line an error names
        try {
            for (TargetConfig config : file.targets()) {
                building = new String[] {config.name() != null ? "name: " + config.name() : "model: " + config.model(), "targets"};
                targets.put(config.displayName(), environment.targets().create(withCampaignLimits(file, config)));
            }
            building = new String[] {"attacker"};
            if (file.attacker() != null) {
                attacker = environment.targets().create(TargetConfig.of("attacker", file.attacker(), file.attackerBaseUrl())).model();
            }
        } catch (BadInput e) {
            targets.values().forEach(Target::close);
            String target = building[0].equals("attacker") || e.getMessage().startsWith("target ") ? ""
                    : "target " + building[0].substring(building[0].indexOf(' ') + 1) + ": ";
            throw new BadInput(definition.where(building) + target + e.getMessage(), e);
        }
        boolean backtracks = plan.strategies().stream().anyMatch(s -> s.needs().contains(Need.REFUSAL_DETECTOR));
        // one tactic memory per campaign, shared by its attacks (strategies with memory: true read and add to it)
        AttackTools tools = new AttackTools(attacker, judges.get(0), backtracks ? environment.refusals() : null,
                new org.redteam4j.core.attack.TacticMemory());
        // every key is known once the targets, judges and attacker are built
        return new PreparedCampaign(definition, plan, targets, attacker, judges, calibrationFiles, tools, environment.secrets(),
                benignJudge);
    }

    /**
     * The campaign's concurrency and requests-per-minute apply to each target that sets none of its
     * own: a target may run as many calls at once as the campaign runs attacks (the resilience
     * default of 4 held a campaign of 32 to 4 calls in flight).
     */
    private static TargetConfig withCampaignLimits(CampaignFile file, TargetConfig config) {
        TargetConfig.LimitsConfig old = config.limits();
        boolean ownRate = file.requestsPerMinute() == 0 || old != null && old.requestsPerMinute() != null;
        boolean ownConcurrency = old != null && old.concurrency() != null;
        if (ownRate && ownConcurrency) {
            return config;
        }
        Integer rate = ownRate ? old == null ? null : old.requestsPerMinute() : Integer.valueOf(file.requestsPerMinute());
        Integer concurrency = ownConcurrency ? old.concurrency() : Integer.valueOf(file.concurrency());
        return config.withLimits(new TargetConfig.LimitsConfig(old == null ? null : old.timeoutSeconds(),
                old == null ? null : old.maxAttempts(), old == null ? null : old.initialBackoffMs(),
                old == null ? null : old.maxBackoffSeconds(), old == null ? null : old.maxRetryAfterSeconds(),
                concurrency, rate));
    }

    public CampaignDefinition definition() {
        return definition;
    }

    public CampaignPlan plan() {
        return plan;
    }

    public Map<String, Target> targets() {
        return targets;
    }

    public List<Judge> judges() {
        return judges;
    }

    /**
     * Judge id → its measured agreement, for the corrected rates: the campaign file's
     * {@code calibration: FILE} where given, else what the judge carries (a trained classifier's
     * validation); judges with neither are absent.
     */
    public Map<String, JudgeCalibration> calibrations() {
        Map<String, JudgeCalibration> calibrations = new LinkedHashMap<>();
        for (Judge judge : judges) {
            JudgeCalibration given = calibrationFiles.get(judge.id());
            if (given != null) {
                calibrations.putIfAbsent(judge.id(), given);
            } else {
                judge.calibration().ifPresent(own -> calibrations.putIfAbsent(judge.id(), own));
            }
        }
        return calibrations;
    }

    /** The refusal judge that alone judges the campaign's benign prompts; empty when it has none. */
    public java.util.Optional<Judge> benignJudge() {
        return java.util.Optional.ofNullable(benignJudge);
    }

    /** The first judge: the one gates and hit counts use. */
    public Judge primaryJudge() {
        return judges.get(0);
    }

    /** What results are redacted of: the keys of its targets, judges and attacker, and the environment's other secrets. */
    public Secrets secrets() {
        return secrets;
    }

    /** Runs the plan into {@code ledger}: what finished there before is skipped. */
    public CampaignEngine.Outcome run(AttackLedger ledger, CampaignEngine.Progress progress) throws InterruptedException {
        Map<String, AttackTarget> attackTargets = new LinkedHashMap<>();
        targets.forEach((name, target) -> attackTargets.put(name, new AttackTarget(name, target.model(), target.sampling())));
        CampaignFile file = definition.file();
        return new CampaignEngine(attackTargets, judges, tools, ledger, file.concurrency(),
                new Budget(file.maxRequests(), file.maxTokens()), secrets, benignJudge).run(plan.attacks(), progress);
    }

    /** Runs the plan with no database and returns every result. */
    public Run runInMemory(CampaignEngine.Progress progress) throws InterruptedException {
        InMemoryLedger ledger = new InMemoryLedger();
        CampaignEngine.Outcome outcome = run(ledger, progress);
        return new Run(outcome, ledger.results());
    }

    /** Versions, the campaign file's sha256, and every component's id (the PM's with its head's provenance). */
    public Provenance provenance() {
        Map<String, String> components = new LinkedHashMap<>();
        components.putAll(Provenance.numbered("judge", judges.stream().map(Judge::id).toList()));
        components.putAll(Provenance.numbered("strategy", plan.strategies().stream().map(s -> s.id()).toList()));
        targets.forEach((name, target) -> components.put("target." + name, target.model().id()));
        if (plan.strategies().stream().anyMatch(s -> s instanceof org.redteam4j.core.attack.injection.InjectionStrategy)) {
            // stored with the campaign, so a resume is refused if it would plant other canaries
            org.redteam4j.core.attack.injection.Injection injection = definition.injection();
            components.put("injection.seed", Long.toString(injection.seed()));
            components.put("injection.canary", injection.canary().text());
            components.put("injection.send_system_prompt", Boolean.toString(injection.sendSystemPrompt()));
            components.put("injection.system_prompt_sha256", org.redteam4j.core.provenance.Sha256.of(injection.systemPrompt()));
            if (!injection.sendSystemPrompt()) { // indirect documents then plant a canary of their own
                components.put("injection.document_canary", injection.documentCanary().text());
            }
        }
        if (attacker != null) {
            components.put("attacker", attacker.id());
        }
        if (benignJudge != null) {
            components.put("benign_judge", benignJudge.id());
            components.putAll(Provenance.numbered("benign_strategy", plan.attacks().stream().filter(a -> a.benign())
                    .map(a -> a.strategy().id()).distinct().toList()));
        }
        for (Judge judge : judges) {
            judge.provenance().forEach((key, value) -> components.put(judge.id() + "." + key, value));
        }
        calibrations().forEach((judge, c) -> components.put(judge + ".calibration", c.task().id() + " on " + c.data()
                + " (tp=" + c.tp() + ", fp=" + c.fp() + ", fn=" + c.fn() + ", tn=" + c.tn() + ")"));
        return Provenance.of(definition.sha256(), components);
    }

    /** The settings as JSON text, as the store keeps them. */
    public String settingsJson() {
        return definition.settings().toString();
    }

    @Override
    public void close() {
        targets.values().forEach(Target::close);
        if (attacker != null) {
            attacker.close();
        }
    }
}
