package org.redteam4j.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.redteam4j.config.campaign.CampaignFile;
import org.redteam4j.config.campaign.CampaignSetup;
import org.redteam4j.config.targets.Target;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.campaign.PlannedAttack;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.format.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code redteam4j attack} on a Spark cluster. The driver reads the campaign file, checks it and
 * makes the plan; the attacks' keys are spread over partitions, and each executor runs its share
 * with the same engine, its share of every rate limit, concurrency and budget. Results are
 * written as Parquet that {@code redteam4j import} loads into a database.
 */
@Command(name = "CampaignJob",
        mixinStandardHelpOptions = true,
        description = {
            "Run an automated red-team campaign (the YAML of redteam4j attack) on Spark and write one Parquet row per "
                    + "attack. Load the results with: redteam4j import --db DB OUTPUT_FOLDER.",
            "Each of the N partitions gets 1/N of the campaign's and each target's requests_per_minute, concurrency, "
                    + "max_requests and max_tokens, so the whole job keeps the limits however its partitions run. Seeds "
                    + "come from the campaign's files and built-in seeds; seeds from a database are not available here."})
public final class CampaignJob extends SparkJob {

    @Option(names = "--campaign", required = true, paramLabel = "FILE",
            description = "The campaign YAML, on any Hadoop file system; seed files it names must be readable by the driver.")
    String campaign;

    @Mixin
    ParquetOutput output;

    @Option(names = "--partitions", paramLabel = "N",
            description = "How many pieces to run the campaign in (default: the cluster's default parallelism).")
    Integer partitions;

    /** What a run did. */
    public record Outcome(long attacks, long done, long errors, long pending, long hits) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CampaignJob()).execute(args));
    }

    @Override
    String appName() {
        return "redteam4j attack";
    }

    @Override
    String runAndDescribe(SparkSession spark) throws IOException {
        Outcome outcome = run(spark);
        return String.format("Wrote %,d attacks to %s (%,d done, %,d hits by the first judge, %,d errors, %,d not run)",
                outcome.attacks(), output.path, outcome.done(), outcome.hits(), outcome.errors(), outcome.pending());
    }

    public Outcome run(SparkSession spark) throws IOException {
        String name = new Path(campaign).getName();
        String yaml = new String(HadoopFiles.read(spark, campaign, "campaign file"), StandardCharsets.UTF_8);
        java.nio.file.Path local = localCopy(campaign, name, yaml);
        CampaignFile file = CampaignFile.read(local);
        CampaignSetup setup = new CampaignSetup(file, local, () -> ExecutorScorer.get("pm:default", null));
        ChatModel attacker = setup.attacker();
        List<Seed> seeds = List.copyOf(setup.seeds(NO_STORE));
        setup.judges();
        Map<String, Target> targets = setup.targets();
        List<String> keys;
        Map<String, AttackRows.TargetFacts> facts = new LinkedHashMap<>();
        try {
            keys = setup.plan(targets, seeds, setup.strategies(attacker)).stream().map(PlannedAttack::key).toList();
            for (var target : targets.entrySet()) {
                Target t = target.getValue();
                facts.put(target.getKey(), new AttackRows.TargetFacts(t.modelType().label(), t.sizeLabel(),
                        Json.mapper().valueToTree(t.config()).toString(), t.simulated()));
            }
        } finally {
            targets.values().forEach(Target::close);
            if (attacker != null) {
                attacker.close();
            }
        }
        OutputFolder folder = output.claim(spark);
        int parts = Math.max(1, Math.min(keys.size(), partitions != null ? partitions : spark.sparkContext().defaultParallelism()));
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(keys, parts)
                .mapPartitions(share -> CampaignShare.run(yaml, name, seeds, parts, facts, share));
        try {
            spark.createDataFrame(rows, AttackRows.SCHEMA).write().mode(SaveMode.Overwrite).parquet(output.path);
        } catch (Exception e) { // Spark's own exceptions are checked ones thrown undeclared from Scala
            folder.removeAfterFailure();
            throw e;
        }
        Dataset<Row> written = spark.read().parquet(output.path);
        Row counts = written.agg(functions.count(functions.lit(1)),
                functions.sum(functions.when(functions.col("status").equalTo("done"), 1).otherwise(0)),
                functions.sum(functions.when(functions.col("status").equalTo("error"), 1).otherwise(0)),
                functions.sum(functions.when(functions.col("status").equalTo("pending"), 1).otherwise(0)),
                functions.sum(functions.when(functions.col("verdict").equalTo("HIT"), 1).otherwise(0))).first();
        return new Outcome(counts.getLong(0), number(counts, 1), number(counts, 2), number(counts, 3), number(counts, 4));
    }

    private static long number(Row row, int i) {
        return row.isNullAt(i) ? 0 : row.getLong(i);
    }

    /** Seeds from a database cannot be read on a cluster; the campaign must name files or use the built-in ones. */
    private static final CampaignSetup.StoredSeeds NO_STORE = new CampaignSetup.StoredSeeds() {
        @Override
        public List<Seed> imported() {
            throw new IllegalArgumentException("seeds: imported needs a database; CampaignJob reads seeds from files only");
        }

        @Override
        public List<Seed> successful(double minRating, int limit) {
            throw new IllegalArgumentException("seeds: from_db needs a database; CampaignJob reads seeds from files only");
        }
    };

    /** The campaign file itself when local (so relative seed paths work), else a copy in a temporary folder. */
    private static java.nio.file.Path localCopy(String path, String name, String yaml) throws IOException {
        java.net.URI uri = new Path(path).toUri();
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            return java.nio.file.Path.of(uri.getPath());
        }
        java.nio.file.Path dir = Files.createTempDirectory("redteam4j-campaign");
        dir.toFile().deleteOnExit();
        java.nio.file.Path copy = Files.writeString(dir.resolve(name), yaml);
        copy.toFile().deleteOnExit();
        return copy;
    }
}
