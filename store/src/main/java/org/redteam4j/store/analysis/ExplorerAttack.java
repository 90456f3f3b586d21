package org.redteam4j.store.analysis;

import java.util.List;
import org.redteam4j.core.scoring.Verdict;

/**
 * One automated attack that ran, as the report's explorer shows it: which campaign, target,
 * strategy, tag and seed, how it counts ({@code hit}, {@code miss} or {@code error}: the primary
 * judge's outcome, as the campaign's summary counts it), every judge's verdict and the conversation.
 *
 * @param targetLabel the target's model type and size ("rlhf 52B")
 * @param error       why it failed, for an attack that errored; null otherwise
 * @param turns       the conversation, the judged reply last; empty for an attack that errored
 */
public record ExplorerAttack(String campaign, String key, String target, String targetLabel, String strategy, String tag,
                             String seed, String verdict, List<JudgeVerdict> verdicts, String error,
                             List<ExplorerAttempt.ScoredTurn> turns) {

    /** A judge's verdict: {@code verdict} is hit, miss (a pass or a skip) or error; {@code outcome} the judge's own word. */
    public record JudgeVerdict(String judge, String verdict, String outcome, String rationale) {
    }

    public ExplorerAttack {
        verdicts = List.copyOf(verdicts);
        turns = List.copyOf(turns);
    }

    /** How an outcome counts in the explorer's filter: a skip decides nothing, so it is not a hit. */
    public static String verdict(Verdict.Outcome outcome) {
        return switch (outcome) {
            case HIT -> "hit";
            case PASS, SKIPPED -> "miss";
            case ERROR -> "error";
        };
    }
}
