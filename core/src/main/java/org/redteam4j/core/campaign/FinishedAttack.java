package org.redteam4j.core.campaign;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.Serializable;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.scoring.Verdict;

/**
 * One attack's result as plain values: what the store keeps in a row of {@code attacks} and what
 * the Spark CampaignJob writes to Parquet, so results made anywhere can be imported alike.
 *
 * @param status  {@code done}, {@code error}, or {@code pending} for an attack the budget left unrun
 * @param verdict the primary judge's outcome (ERROR for a failed attack, null when pending)
 * @param score   the primary judge's harm score, when it gives one
 */
public record FinishedAttack(String key, String target, String strategy, int repetition, String status, String verdict,
                             Double score, String judge, String error, long promptTokens, long completionTokens,
                             boolean simulated, String tag, String seedText, String prompt, String reply, String transcript,
                             String verdictsJson, int targetRequests, int attackerRequests, Long durationMs)
        implements Serializable {

    public static final String DONE = "done";
    public static final String ERROR = "error";
    public static final String PENDING = "pending";

    public static FinishedAttack of(AttackRecord record) {
        PlannedAttack plan = record.plan();
        Verdict primary = record.verdicts().isEmpty() ? null : record.verdicts().get(0);
        AttackRunValues run = new AttackRunValues(record);
        return new FinishedAttack(plan.key(), plan.target(), plan.strategy().id(), plan.repetition(),
                record.failed() ? ERROR : DONE,
                record.failed() ? Verdict.Outcome.ERROR.name() : primary == null ? null : primary.outcome().name(),
                primary == null || primary.harm() == null ? null : primary.harm().doubleValue(),
                primary == null ? null : primary.judge(), record.error(), run.promptTokens, run.completionTokens,
                record.simulated(), plan.tag(), plan.seed().text(), run.prompt, run.reply, run.transcript,
                verdictsJson(record), run.targetRequests, run.attackerRequests, record.duration().toMillis());
    }

    /** A planned attack the budget left unrun: a later run (or --resume) runs it. */
    public static FinishedAttack notRun(PlannedAttack plan) {
        return new FinishedAttack(plan.key(), plan.target(), plan.strategy().id(), plan.repetition(), PENDING, null, null, null,
                null, 0, 0, false, plan.tag(), plan.seed().text(), null, null, null, null, 0, 0, null);
    }

    private static String verdictsJson(AttackRecord record) {
        ArrayNode verdicts = Json.mapper().createArrayNode();
        for (Verdict verdict : record.verdicts()) {
            var node = verdicts.addObject().put("judge", verdict.judge()).put("outcome", verdict.outcome().name())
                    .put("rationale", verdict.rationale()).put("threshold", verdict.threshold());
            if (verdict.refused() != null) {
                node.put("refused", verdict.refused());
            }
            if (verdict.harm() != null) {
                node.put("harm", verdict.harm());
            }
            if (verdict.specificity() != null) {
                node.put("specificity", verdict.specificity());
            }
        }
        return verdicts.toString();
    }

    /** The run's values, or their absence when the attack failed before it ran. */
    private static final class AttackRunValues {
        final long promptTokens;
        final long completionTokens;
        final String prompt;
        final String reply;
        final String transcript;
        final int targetRequests;
        final int attackerRequests;

        AttackRunValues(AttackRecord record) {
            var run = record.run();
            promptTokens = run == null ? 0 : run.usage().inputTokens();
            completionTokens = run == null ? 0 : run.usage().outputTokens();
            prompt = run == null ? null : run.prompt();
            reply = run == null ? null : run.reply();
            transcript = run == null ? null : run.transcript();
            targetRequests = run == null ? 0 : run.targetRequests();
            attackerRequests = run == null ? 0 : run.attackerRequests();
        }
    }
}
