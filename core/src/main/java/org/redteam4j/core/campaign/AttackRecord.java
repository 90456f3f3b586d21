package org.redteam4j.core.campaign;

import java.time.Duration;
import java.util.List;
import org.redteam4j.core.attack.AttackRun;
import org.redteam4j.core.scoring.Verdict;

/**
 * A finished attack: its run and verdicts, or the error that ended it. An error is never a hit and
 * never a pass.
 */
public record AttackRecord(PlannedAttack plan, AttackRun run, List<Verdict> verdicts, String error, Duration duration,
                           boolean simulated) {

    public AttackRecord {
        verdicts = List.copyOf(verdicts);
    }

    public boolean failed() {
        return error != null;
    }

    /** The primary (first) judge's verdict, or ERROR when the attack failed. */
    public Verdict.Outcome outcome() {
        if (failed() || verdicts.isEmpty()) {
            return Verdict.Outcome.ERROR;
        }
        return verdicts.get(0).outcome();
    }
}
