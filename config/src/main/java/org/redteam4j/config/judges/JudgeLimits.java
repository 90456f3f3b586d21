package org.redteam4j.config.judges;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Set;
import org.redteam4j.config.targets.TargetConfig.LimitsConfig;
import org.redteam4j.config.targets.TargetFactory;
import org.redteam4j.core.failure.BadInput;

/**
 * A judge's {@code limits: {timeout_seconds, max_attempts, concurrency, requests_per_minute, …}}:
 * the same keys as a target's limits, read into the same record and checked by the same rule
 * (the resilience policy they become), for the judges that call a model.
 */
final class JudgeLimits {

    /** The judges whose verdicts come from a model's calls, so limits apply to them. */
    static final Set<String> CALLING_A_MODEL = Set.of("llm", "guard");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private JudgeLimits() {
    }

    /** The limits in {@code node}, or null when it is missing; a wrong key or value is bad input naming {@code where}. */
    static LimitsConfig read(JsonNode node, String id, String where) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!CALLING_A_MODEL.contains(id)) {
            throw new BadInput(where + "the " + id + " judge calls no model: it takes no limits");
        }
        if (!node.isObject()) {
            throw new BadInput(where + "a judge's limits are a map such as {concurrency: 8, timeout_seconds: 30}, got " + node);
        }
        LimitsConfig limits;
        try {
            limits = STRICT.treeToValue(node, LimitsConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new BadInput(where + "unknown key '" + e.getPropertyName() + "' in the limits of judge '" + id + "'; expected one of "
                    + e.getKnownPropertyIds(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInput(where + "the limits of judge '" + id + "': " + e.getOriginalMessage(), e);
        }
        check(limits, id, where);
        return limits;
    }

    /** The one rule for limits: what a target's limits must satisfy, a judge's must too. */
    static void check(LimitsConfig limits, String id, String where) {
        try {
            TargetFactory.policy(limits);
        } catch (BadInput e) {
            throw new BadInput(where + "the limits of judge '" + id + "': " + e.getMessage(), e);
        }
    }

    /** {@code limits} with {@code concurrency} where they set none (a campaign's judge keeps pace with its attacks). */
    static LimitsConfig withDefaultConcurrency(LimitsConfig limits, int concurrency) {
        if (limits != null && limits.concurrency() != null) {
            return limits;
        }
        return limits == null ? new LimitsConfig(null, null, null, null, null, concurrency, null)
                : new LimitsConfig(limits.timeoutSeconds(), limits.maxAttempts(), limits.initialBackoffMs(), limits.maxBackoffSeconds(),
                        limits.maxRetryAfterSeconds(), concurrency, limits.requestsPerMinute());
    }
}
