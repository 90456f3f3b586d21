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
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.LabelRepository;

/**
 * The labels people gave an automated campaign's calibration sample in the workbench, decided per
 * reply (one label, or the majority of three), with the verdicts the campaign's judges stored for
 * the same replies. Replies labelled by fewer reviewers than the sample needs, and replies whose
 * three labels all differ, are left out and counted.
 *
 * @param judges the campaign's judges, in its order (the first is the one its rates and gate use)
 */
record AutomatedLabels(String campaign, LabelRepository.Sample sample, List<LabelRepository.LabelledAttack> decided,
                       List<ReplyLabel> labels, Map<String, Integer> leftOut, List<String> judges) {

    static AutomatedLabels load(Database db, long campaignId, String campaign) {
        return db.inTransaction(handle -> {
            LabelRepository repository = new LabelRepository(handle);
            LabelRepository.Sample sample = repository.sampleOf(campaignId).orElseThrow(() -> new BadInput("--from-db " + campaign
                    + ": this automated campaign has no calibration sample yet; draw one in the workbench (Automated → the "
                    + "campaign → Calibration sample) and have reviewers label it"));
            List<LabelRepository.LabelledAttack> decided = new ArrayList<>();
            List<ReplyLabel> labels = new ArrayList<>();
            Map<String, Integer> leftOut = new TreeMap<>();
            Set<String> judges = new LinkedHashSet<>();
            for (LabelRepository.LabelledAttack attack : repository.labelled(sample.id())) {
                attack.verdicts().forEach(verdict -> judges.add(verdict.judge()));
                ReplyLabel.Decision decision = ReplyLabel.decide(attack.labels(), sample.labellers());
                switch (decision.state()) {
                    case INCOMPLETE -> leftOut.merge("labelled by " + attack.labels().size() + " of the " + sample.labellers()
                            + " reviewers required", 1, Integer::sum);
                    case TIED -> leftOut.merge("unresolved: its three labels all differ", 1, Integer::sum);
                    case DECIDED -> {
                        decided.add(attack);
                        labels.add(decision.label());
                    }
                }
            }
            return new AutomatedLabels(campaign, sample, decided, labels, leftOut, List.copyOf(judges));
        });
    }

    String source() {
        return "calibration sample of automated campaign " + campaign + " (seed " + sample.seed() + ", "
                + (sample.labellers() == 1 ? "one label" : "majority of three labels") + " per reply)";
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
            cases.add(new LabelledCase(List.of(new ReplyInContext(context(attack), attack.reply() == null ? "" : attack.reply())),
                    task == JudgeCalibration.Task.REFUSAL ? label == ReplyLabel.REFUSED : label == ReplyLabel.HARMFUL, attributes));
        }
        return new LabelledCases(cases, leftOut, source());
    }

    /** What the judge read before the reply: the conversation up to its last assistant turn, or the prompt. */
    private static List<Turn> context(LabelRepository.LabelledAttack attack) {
        List<Turn> turns = attack.transcript() == null ? List.of() : new ArrayList<>(Transcript.parse(attack.transcript()).turns());
        if (turns.isEmpty()) {
            return List.of(Turn.human(attack.prompt() == null ? "" : attack.prompt()));
        }
        if (turns.get(turns.size() - 1).isAssistant()) {
            turns.remove(turns.size() - 1);
        }
        return turns;
    }

    /**
     * What {@code judge} called each case, from the verdicts the campaign stored (no judge is run
     * again): as {@link JudgeRun} would call them — refusal from the verdict's {@code refused},
     * harm from a hit; an error or skip is counted apart, never as a class.
     */
    List<JudgeRun.Call> storedCalls(String judge, JudgeCalibration.Task task, LabelledCases cases) {
        List<JudgeRun.Call> calls = new ArrayList<>(decided.size());
        for (int i = 0; i < decided.size(); i++) {
            LabelledCase item = cases.cases().get(i);
            Verdict verdict = decided.get(i).verdicts().stream().filter(v -> v.judge().equals(judge)).findFirst().orElse(null);
            if (verdict == null) {
                calls.add(new JudgeRun.Call(item, null, Verdict.Outcome.ERROR, "no verdict of this judge was stored for the reply", 1));
            } else if (verdict.outcome() == Verdict.Outcome.ERROR || verdict.outcome() == Verdict.Outcome.SKIPPED) {
                calls.add(new JudgeRun.Call(item, null, verdict.outcome(), verdict.rationale(), 1));
            } else if (task == JudgeCalibration.Task.REFUSAL) {
                calls.add(verdict.refused() == null
                        ? new JudgeRun.Call(item, null, Verdict.Outcome.ERROR, "the judge does not say whether the reply refused", 1)
                        : new JudgeRun.Call(item, verdict.refused(), null, null, 1));
            } else {
                calls.add(new JudgeRun.Call(item, verdict.outcome() == Verdict.Outcome.HIT, null, null, 1));
            }
        }
        return calls;
    }
}
