package org.redteam4j.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.redteam4j.core.campaign.FinishedAttack;

/**
 * Automated attacks as Parquet rows: one {@link FinishedAttack} each, with its campaign and what the
 * store needs to declare the target (model type, size, configuration, whether it is simulated).
 * {@code redteam4j import} loads these files into the database like a campaign run there.
 */
public final class AttackRows {

    /** What the store records about a target. */
    public record TargetFacts(String modelType, String size, String configJson, boolean simulated)
            implements java.io.Serializable {
    }

    public static final StructType SCHEMA = new StructType()
            .add("campaign", DataTypes.StringType, false)
            .add("campaign_settings", DataTypes.StringType, false)
            .add("attack_key", DataTypes.StringType, false)
            .add("target", DataTypes.StringType, false)
            .add("target_model_type", DataTypes.StringType, false)
            .add("target_size", DataTypes.StringType, true)
            .add("target_config", DataTypes.StringType, false)
            .add("target_simulated", DataTypes.BooleanType, false)
            .add("strategy", DataTypes.StringType, false)
            .add("repetition", DataTypes.IntegerType, false)
            .add("status", DataTypes.StringType, false)
            .add("verdict", DataTypes.StringType, true)
            .add("verdict_score", DataTypes.DoubleType, true)
            .add("judge", DataTypes.StringType, true)
            .add("error", DataTypes.StringType, true)
            .add("prompt_tokens", DataTypes.LongType, false)
            .add("completion_tokens", DataTypes.LongType, false)
            .add("simulated", DataTypes.BooleanType, false)
            .add("tag", DataTypes.StringType, true)
            .add("seed_text", DataTypes.StringType, false)
            .add("prompt", DataTypes.StringType, true)
            .add("reply", DataTypes.StringType, true)
            .add("transcript", DataTypes.StringType, true)
            .add("verdicts_json", DataTypes.StringType, true)
            .add("target_requests", DataTypes.IntegerType, false)
            .add("attacker_requests", DataTypes.IntegerType, false)
            .add("duration_ms", DataTypes.LongType, true);

    private AttackRows() {
    }

    static Row toRow(String campaign, String settings, TargetFacts target, FinishedAttack a) {
        return RowFactory.create(campaign, settings, a.key(), a.target(), target.modelType(), target.size(), target.configJson(),
                target.simulated(), a.strategy(), a.repetition(), a.status(), a.verdict(), a.score(), a.judge(), a.error(),
                a.promptTokens(), a.completionTokens(), a.simulated(), a.tag(), a.seedText(), a.prompt(), a.reply(),
                a.transcript(), a.verdictsJson(), a.targetRequests(), a.attackerRequests(), a.durationMs());
    }
}
