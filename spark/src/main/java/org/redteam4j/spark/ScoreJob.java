package org.redteam4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.RedTeamAttemptJson;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.scoring.TranscriptScores;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code redteam4j score} on a Spark cluster: every assistant turn scored by the embedded
 * preference model in the context before it, each transcript's minimum and the intent score,
 * written as Parquet. Attempts are spread over partitions; each executor loads the model once
 * and scores its partitions in batches, asking exactly what the single-machine command asks.
 */
@Command(name = "ScoreJob",
        mixinStandardHelpOptions = true,
        description = {
            "Score red-team attempts with the embedded preference model on Spark and write Parquet: the attempts' "
                    + "hh-rlhf columns with min_harmlessness_score_transcript and task_descripton_harmlessness_score "
                    + "replaced by this model's, turn_scores (the score of each assistant turn by its index in the "
                    + "transcript) and scored_by.",
            "Run with spark-submit --class org.redteam4j.spark.ScoreJob redteam4j-spark.jar --input … --output …"})
public final class ScoreJob extends SparkJob {

    public static final String TURN_SCORES = "turn_scores";
    public static final String SCORED_BY = "scored_by";

    public static final StructType SCHEMA = AttemptRows.SCHEMA
            .add(TURN_SCORES, DataTypes.createArrayType(new StructType()
                    .add("turn", DataTypes.IntegerType, false)
                    .add("score", DataTypes.DoubleType, false), false), false)
            .add(SCORED_BY, DataTypes.StringType, false);

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Attempts: an hh-rlhf file, folder or glob (JSON array or lines, plain or gzip) or Parquet, on any "
                    + "Hadoop file system (file:, hdfs:, s3a:, …).")
    String input;

    @Mixin
    ParquetOutput output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, json or parquet (default: ${DEFAULT-VALUE}: Parquet for *.parquet or a folder of them).")
    String format;

    @Option(names = "--scorer", paramLabel = "SCORER", defaultValue = "pm",
            description = "pm (the shipped preference model) or pm:PATH (a head made by redteam4j train-pm, on any file "
                    + "system) (default: ${DEFAULT-VALUE}).")
    String scorer;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions to spread the attempts over (default: 4 × the cluster's default parallelism).")
    Integer partitions;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Attempts per scoring batch on an executor (default: ${DEFAULT-VALUE}).")
    int batch;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScoreJob()).execute(args));
    }

    @Override
    String appName() {
        return "redteam4j score";
    }

    @Override
    String runAndDescribe(SparkSession spark) {
        return String.format("Scored %,d attempts into %s", run(spark), output.path);
    }

    /** Scores and writes; returns the number of attempts written. */
    public long run(SparkSession spark) {
        if (batch < 1) {
            throw new BadInput("--batch must be at least 1");
        }
        String name;
        byte[] head;
        JudgeSpec spec = JudgeSpec.parse(scorer, "--scorer: ");
        if (!spec.id().equals("pm")) {
            throw new BadInput("--scorer: ScoreJob scores with a preference model: expected pm or pm:PATH, got '" + spec + "'");
        }
        if (spec.argument() == null) {
            name = "pm:default";
            head = null;
        } else {
            head = HadoopFiles.read(spark, spec.argument(), "preference model file");
            name = "pm:" + new Path(spec.argument()).getName();
        }
        OutputFolder folder = output.claim(spark);
        JavaRDD<Row> attempts = AttemptInput.read(spark, input, AttemptInput.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT)))
                .toJavaRDD();
        int spread = partitions != null ? partitions : 4 * spark.sparkContext().defaultParallelism();
        JavaRDD<Row> scored = attempts.repartition(spread).mapPartitions(scoreInBatches(name, head, batch));
        try {
            spark.createDataFrame(scored, SCHEMA).write().mode(SaveMode.Overwrite).parquet(output.path);
        } catch (Exception e) { // Spark's own exceptions are checked ones thrown undeclared from Scala
            folder.removeAfterFailure();
            throw e;
        }
        return spark.read().parquet(output.path).count();
    }

    private static FlatMapFunction<Iterator<Row>, Row> scoreInBatches(String name, byte[] head, int batchSize) {
        return rows -> {
            EmbeddedPreferenceModel model = ExecutorScorer.get(name, head);
            return new Batches<>(rows, batchSize, batch -> score(model, name, batch));
        };
    }

    private static List<Row> score(EmbeddedPreferenceModel model, String name, List<Row> batch) {
        List<List<Turn>> transcripts = new ArrayList<>();
        List<ReplyInContext> requests = new ArrayList<>();
        for (Row row : batch) {
            List<Turn> turns = Transcript.parse(row.getAs(RedTeamAttemptJson.TRANSCRIPT)).turns();
            transcripts.add(turns);
            requests.addAll(TranscriptScores.requests(row.getAs(RedTeamAttemptJson.TASK_DESCRIPTION), turns));
        }
        Iterator<Double> answers = model.scoreEach(requests).iterator();
        List<Row> scored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            TranscriptScores scores = TranscriptScores.read(transcripts.get(i), answers);
            scored.add(withScores(batch.get(i), scores, name));
        }
        return scored;
    }

    private static Row withScores(Row row, TranscriptScores scores, String scoredBy) {
        Object[] values = new Object[SCHEMA.size()];
        for (int i = 0; i < AttemptRows.SCHEMA.size(); i++) {
            values[i] = row.get(i);
        }
        values[AttemptRows.SCHEMA.fieldIndex(RedTeamAttemptJson.MIN_HARMLESSNESS_SCORE)] = scores.minimum();
        values[AttemptRows.SCHEMA.fieldIndex(RedTeamAttemptJson.TASK_DESCRIPTION_SCORE)] = scores.intent();
        values[AttemptRows.SCHEMA.size()] = scores.turnScores().entrySet().stream()
                .map(turn -> RowFactory.create(turn.getKey(), turn.getValue())).toArray(Row[]::new);
        values[AttemptRows.SCHEMA.size() + 1] = scoredBy;
        return RowFactory.create(values);
    }
}
