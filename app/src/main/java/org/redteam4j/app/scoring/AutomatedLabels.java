package org.redteam4j.app.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.redteam4j.app.workbench.ReplyLabel;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.transcript.JudgedExchange;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackRepository;
import org.redteam4j.store.attack.LabelRepository;

/**
 * The labels people gave an automated campaign's calibration sample in the workbench, decided per
 * reply (one label, or the majority of three), with the verdicts the campaign's judges stored for
 * the same replies. Replies labelled by fewer reviewers than the sample needs, and replies whose
 * three labels all differ (ties), are left out and counted.
 *
 * @param judges the campaign's judges in its declared order (the first is the one its rates and gate use)
 * @param declared whether {@code judges} comes from the campaign's stored provenance (else from the verdicts, in no set order)
 * @param simulated whether any labelled reply came from a simulated target
 * @param repliesAtDraw each target's replies when the sample was drawn
 * @param repliesNow each target's replies now (more than at the draw: the campaign grew since)
 */
record AutomatedLabels(String campaign, LabelRepository.Sample sample, List<LabelRepository.LabelledAttack> decided,
                       List<ReplyLabel> labels, Map<String, Integer> leftOut, int ties, List<String> judges, boolean declared,
                       boolean simulated, Map<String, Integer> repliesAtDraw, Map<String, Integer> repliesNow) {

    static final String TIED = "unresolved: its three labels all differ";

    static AutomatedLabels load(Database db, long campaignId, String campaign) {
        return db.inTransaction(handle -> {
            LabelRepository repository = new LabelRepository(handle);
            LabelRepository.Sample sample = repository.sampleOf(campaignId).orElseThrow(() -> new BadInput("--from-db " + campaign
                    + ": this automated campaign has no calibration sample yet; draw one in the workbench (Automated → the "
                    + "campaign → Calibration sample) and have reviewers label it"));
            List<LabelRepository.LabelledAttack> decided = new ArrayList<>();
            List<ReplyLabel> labels = new ArrayList<>();
            Map<String, Integer> leftOut = new TreeMap<>();
            List<String> declaredJudges = new AttackRepository(handle).declaredJudges(campaignId);
            Set<String> judges = new LinkedHashSet<>(declaredJudges);
            boolean simulated = false;
            int ties = 0;
            for (LabelRepository.LabelledAttack attack : repository.labelled(sample.id())) {
                attack.verdicts().forEach(verdict -> judges.add(verdict.judge()));
                ReplyLabel.Decision decision = ReplyLabel.decide(attack.labels(), sample.labellers());
                switch (decision.state()) {
                    case INCOMPLETE -> leftOut.merge("labelled by " + attack.labels().size() + " of the " + sample.labellers()
                            + " reviewers required", 1, Integer::sum);
                    case TIED -> {
                        leftOut.merge(TIED, 1, Integer::sum);
                        ties++;
                    }
                    case DECIDED -> {
                        decided.add(attack);
                        labels.add(decision.label());
                        simulated |= attack.simulated();
                    }
                }
            }
            Map<String, Integer> now = new TreeMap<>();
            repository.replyIdsByTarget(campaignId).forEach((target, ids) -> now.put(target, ids.size()));
            return new AutomatedLabels(campaign, sample, decided, labels, leftOut, ties, List.copyOf(judges),
                    !declaredJudges.isEmpty(), simulated, repository.repliesAtDraw(sample.id()), now);
        });
    }

    /** The first judge the campaign declared, if it declared any: the one {@code attack --gate corrected} uses. */
    java.util.Optional<String> primaryJudge() {
        return declared ? java.util.Optional.of(judges.get(0)) : java.util.Optional.empty();
    }

    /** Targets with more replies now than when the sample was drawn (or none then): target → {at draw, now}. */
    Map<String, int[]> grownSinceDraw() {
        Map<String, int[]> grown = new TreeMap<>();
        repliesNow.forEach((target, now) -> {
            int then = repliesAtDraw.getOrDefault(target, 0);
            if (now > then) {
                grown.put(target, new int[] {then, now});
            }
        });
        return grown;
    }

    String source() {
        return "calibration sample of automated campaign " + campaign + " (seed " + sample.seed() + ", "
                + (sample.labellers() == 1 ? "one label" : "majority of three labels") + " per reply"
                + (simulated ? "; simulated replies" : "") + ")";
    }

    /** The decided replies as cases of {@code task}: refusal = labelled refused; harm = labelled complied harmfully. */
    LabelledCases cases(JudgeCalibration.Task task) {
        List<LabelledCase> cases = new ArrayList<>(decided.size());
        for (int i = 0; i < decided.size(); i++) {
            LabelRepository.LabelledAttack attack = decided.get(i);
            ReplyLabel label = labels.get(i);
            Map<String, String> attributes = new TreeMap<>();
            attributes.put("target", attack.target());
            attributes.put("strategy", attack.strategy());
            attributes.put("label", label.id());
            if (attack.tag() != null) {
                attributes.put("tag", attack.tag());
            }
            JudgedExchange exchange = JudgedExchange.of(attack.transcript(), attack.prompt(), attack.reply());
            cases.add(new LabelledCase(List.of(new ReplyInContext(exchange.before(), exchange.reply())),
                    task == JudgeCalibration.Task.REFUSAL ? label == ReplyLabel.REFUSED : label == ReplyLabel.HARMFUL, attributes));
        }
        return new LabelledCases(cases, leftOut, source());
    }

    /**
     * What {@code judge} called each case, from the verdicts the campaign stored (no judge is run
     * again), by {@link JudgeRun}'s own rule; a reply without a stored verdict of the judge is an error.
     */
    List<JudgeRun.Call> storedCalls(String judge, JudgeCalibration.Task task, LabelledCases cases) {
        List<JudgeRun.Call> calls = new ArrayList<>(decided.size());
        for (int i = 0; i < decided.size(); i++) {
            Verdict stored = decided.get(i).verdicts().stream().filter(v -> v.judge().equals(judge)).findFirst()
                    .orElse(Verdict.error("no verdict of this judge was stored for the reply", 0, judge));
            calls.add(JudgeRun.call(cases.cases().get(i), task, reply -> stored));
        }
        return calls;
    }
}
