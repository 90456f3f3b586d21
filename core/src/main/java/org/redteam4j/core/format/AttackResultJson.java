package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.secrets.Redaction;

/**
 * The attack-results format: JSON Lines, one attack a line, with the campaign and target it
 * belongs to, so a file made anywhere (Spark's CampaignJob, a library run) imports into any
 * store as if the campaign had run there. Detected by the {@code attack_key} field.
 */
public final class AttackResultJson {

    public static final String ATTACK_KEY = "attack_key";

    /**
     * One line: the campaign (with its settings, provenance and its judges' calibrations), its target and the result.
     *
     * @param calibrations judge id → the calibration the campaign's rates are corrected with; empty when none
     */
    public record Line(String campaign, JsonNode campaignSettings, JsonNode campaignProvenance,
                       java.util.Map<String, org.redteam4j.core.scoring.JudgeCalibration> calibrations, TargetFacts target,
                       AttackResult result) {

        public Line {
            calibrations = java.util.Map.copyOf(calibrations);
        }

        /** A line of a campaign whose judges carry no calibration. */
        public Line(String campaign, JsonNode campaignSettings, JsonNode campaignProvenance, TargetFacts target,
                    AttackResult result) {
            this(campaign, campaignSettings, campaignProvenance, java.util.Map.of(), target, result);
        }
    }

    private AttackResultJson() {
    }

    public static ObjectNode write(Line line) {
        AttackResult result = line.result();
        AttackResult.Attack attack = result.attack();
        ObjectNode node = Json.mapper().createObjectNode().put("campaign", line.campaign());
        node.set("campaign_settings", line.campaignSettings());
        node.set("campaign_provenance", line.campaignProvenance());
        if (!line.calibrations().isEmpty()) { // so the database it is loaded into corrects the rates as attack would
            ObjectNode calibrations = node.putObject("judge_calibrations");
            new java.util.TreeMap<>(line.calibrations()).forEach((judge, c) -> calibrations.set(judge, JudgeCalibrationJson.write(c)));
        }
        ObjectNode target = node.putObject("target").put("name", line.target().name())
                .put("model_type", line.target().modelType()).put("size", line.target().size());
        target.set("config", line.target().config());
        target.put("simulated", line.target().simulated());
        node.put(ATTACK_KEY, attack.key()).put("strategy", attack.strategy()).put("repetition", attack.repetition())
                .put("tag", attack.tag()).put("seed_text", attack.seedText()).put("status", result.status().label());
        if (result.exchange() != null) {
            node.put("prompt", result.exchange().prompt()).put("reply", result.exchange().reply())
                    .put("transcript", result.exchange().transcript());
            if (!result.exchange().trace().isEmpty()) { // absent for a single-turn attack, so older files read the same
                node.set("trace", AttackTraceJson.write(result.exchange().trace()));
            }
        }
        node.set("verdicts", VerdictJson.write(result.verdicts()));
        node.set("redactions", RedactionJson.write(result.redactions()));
        node.put("error", result.error()).put("target_requests", result.spend().targetRequests())
                .put("attacker_requests", result.spend().attackerRequests())
                .put("prompt_tokens", result.spend().promptTokens()).put("completion_tokens", result.spend().completionTokens())
                .put("duration_ms", result.duration().toMillis()).put("simulated", result.simulated());
        if (attack.benign()) { // absent for an attack, so files of attacks read as before
            node.put("benign", true);
        }
        return node;
    }

    public static Line read(ObjectNode node, RecordPosition position) {
        JsonFields fields = new JsonFields(node, position);
        TargetFacts facts = target(new JsonFields(fields.object("target"), position));
        AttackResult.Status status = status(fields);
        AttackResult.Exchange exchange = status == AttackResult.Status.DONE
                ? new AttackResult.Exchange(fields.string("prompt"), fields.string("reply"), fields.string("transcript"),
                node.hasNonNull("trace") ? AttackTraceJson.read(fields.object("trace"), position, "trace") : null) : null;
        AttackResult.Attack attack = new AttackResult.Attack(fields.string(ATTACK_KEY), facts.name(), fields.string("strategy"),
                fields.smallInteger("repetition"), fields.optionalString("tag"), fields.string("seed_text"),
                fields.has("benign") && fields.bool("benign"));
        AttackResult.Spend spend = new AttackResult.Spend(fields.smallInteger("target_requests"),
                fields.smallInteger("attacker_requests"), fields.integer("prompt_tokens"), fields.integer("completion_tokens"));
        List<com.fasterxml.jackson.databind.JsonNode> verdicts = fields.array("verdicts");
        // files written before redactions were recorded have none
        List<Redaction> redactions = fields.has("redactions")
                ? RedactionJson.read(fields.array("redactions"), position, "redactions") : List.of();
        try {
            AttackResult result = new AttackResult(attack, status, exchange, VerdictJson.read(verdicts, position, "verdicts"),
                    fields.optionalString("error"), spend, Duration.ofMillis(fields.integer("duration_ms")), fields.bool("simulated"),
                    redactions);
            return new Line(fields.string("campaign"), fields.object("campaign_settings"),
                    node.hasNonNull("campaign_provenance") ? fields.object("campaign_provenance") : null,
                    calibrations(node, position), facts, result);
        } catch (IllegalArgumentException e) {
            throw fields.invalid("status", e.getMessage());
        }
    }

    /** Lines written before calibrations were carried have none. */
    private static java.util.Map<String, org.redteam4j.core.scoring.JudgeCalibration> calibrations(ObjectNode node,
                                                                                                 RecordPosition position) {
        JsonNode given = node.get("judge_calibrations");
        if (given == null || given.isNull()) {
            return java.util.Map.of();
        }
        if (!given.isObject()) {
            throw InvalidRecordException.field(position, "judge_calibrations", "expected an object of judge id → calibration");
        }
        java.util.Map<String, org.redteam4j.core.scoring.JudgeCalibration> calibrations = new java.util.LinkedHashMap<>();
        given.fields().forEachRemaining(entry -> {
            try {
                calibrations.put(entry.getKey(), JudgeCalibrationJson.read(entry.getValue(), position.source()));
            } catch (InvalidRecordException e) {
                throw InvalidRecordException.field(position, "judge_calibrations." + entry.getKey() + "." + e.field(), e.problem());
            }
        });
        return calibrations;
    }

    private static TargetFacts target(JsonFields target) {
        try {
            return new TargetFacts(target.string("name"), target.string("model_type"), target.optionalString("size"),
                    target.object("config"), target.bool("simulated"));
        } catch (InvalidRecordException e) {
            throw InvalidRecordException.field(e.position(), "target." + e.field(), e.problem());
        }
    }

    private static AttackResult.Status status(JsonFields fields) {
        try {
            return AttackResult.Status.ofLabel(fields.string("status"));
        } catch (IllegalArgumentException e) {
            throw fields.invalid("status", e.getMessage());
        }
    }
}
