package org.redteam4j.core.attack;

import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.transcript.Turn;

/**
 * Single-turn tries at one seed, each judged as it comes back, until one hits: what best-of-N,
 * past-tense and persuasion share. The target sees each prompt alone; the attack's conversation is
 * the hit's exchange, else the last try's, and the trace keeps every try with the judge's word.
 */
final class JudgedTries {

    private record Try(String prompt, String reply, List<String> techniques, Verdict.Outcome outcome) {
    }

    private final ChatModel target;
    private final Sampling sampling;
    private final Judge judge;
    private final TargetSpend spend = new TargetSpend();
    private final List<Try> tries = new ArrayList<>();

    /** {@code strategy} names the strategy in the error when the campaign gave it no judge. */
    JudgedTries(String strategy, ChatModel target, Sampling sampling, AttackTools tools) {
        if (tools.judge() == null) {
            throw new IllegalStateException("the " + strategy + " strategy needs a judge to stop at the first hit");
        }
        this.target = target;
        this.sampling = sampling;
        this.judge = tools.judge();
    }

    /** Sends {@code prompt} alone and judges the reply; true when the judge called it a hit (stop trying). */
    boolean send(String prompt, List<String> techniques) {
        String reply = spend.send(target, ChatRequest.of(List.of(Turn.human(prompt)), sampling)).first().text();
        Verdict verdict = judge.judge(List.of(Turn.human(prompt)), reply);
        tries.add(new Try(prompt, reply, techniques, verdict.outcome()));
        return verdict.outcome() == Verdict.Outcome.HIT;
    }

    /** The attack so far: the last try's exchange (the hit, when there is one) and every try in the trace. */
    AttackRun run() {
        if (tries.isEmpty()) {
            throw new IllegalStateException("no try was made");
        }
        List<AttackTrace.Step> steps = new ArrayList<>(tries.size());
        Integer hitAt = null;
        for (int i = 0; i < tries.size(); i++) {
            Try t = tries.get(i);
            steps.add(new AttackTrace.Step(i + 1, null, t.techniques(), t.prompt(), t.reply(), i == tries.size() - 1,
                    "judge: " + t.outcome()));
            if (t.outcome() == Verdict.Outcome.HIT) {
                hitAt = i + 1;
            }
        }
        Try last = tries.get(tries.size() - 1);
        return spend.run(List.of(Turn.human(last.prompt()), Turn.assistant(last.reply())), new AttackTrace(steps, hitAt));
    }
}
