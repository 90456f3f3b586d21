package org.redteam4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.StoredSeeds;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.campaign.PlannedAttack;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code redteam4j attack} on a Spark cluster. The driver reads the campaign, checks it and plans
 * it by name only (no model is built there); the attacks' keys are spread over partitions, and
 * each executor prepares and runs its share with the same engine and its share of every rate
 * limit, concurrency and budget. The driver streams the results, one partition at a time, into
 * one attack-results JSON Lines file that {@code redteam4j import} loads.
 */
@Command(name = "CampaignJob",
        mixinStandardHelpOptions = true,
        description = {
            "Run an automated red-team campaign (the YAML of redteam4j attack) on Spark and write one JSON line per "
                    + "attack. Load the results with: redteam4j import --db DB OUTPUT_FILE.",
            "Each of the N partitions gets 1/N of the campaign's and each target's requests_per_minute, concurrency, "
                    + "max_requests and max_tokens, so the whole job keeps the limits however its partitions run. Seeds "
                    + "come from the campaign's files and built-in seeds; seeds from a database are not available here."})
public final class CampaignJob extends SparkJob {

    @Option(names = "--campaign", required = true, paramLabel = "FILE",
            description = "The campaign YAML, on any Hadoop file system; seed files it names must be readable by the driver.")
    String campaign;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "The results file (attack-results JSON Lines; gzipped when the name ends in .gz), on any Hadoop "
                    + "file system.")
    String output;

    @Option(names = "--overwrite", description = "Replace the output file if it exists.")
    boolean overwrite;

    @Option(names = "--partitions", paramLabel = "N",
            description = "How many pieces to run the campaign in (default: the cluster's default parallelism).")
    Integer partitions;

    /** What a run did. */
    public record Outcome(long attacks, long done, long errors, long pending, long hits) {
    }

    /** Seeds from a database cannot be read on a cluster; the campaign must name files or use the built-in ones. */
    private static final StoredSeeds NO_STORE = new StoredSeeds() {
        @Override
        public List<Seed> imported() {
            throw new BadInput("seeds: imported needs a database; CampaignJob reads seeds from files only");
        }

        @Override
        public List<Seed> successful(double minRating, int limit) {
            throw new BadInput("seeds: from_db needs a database; CampaignJob reads seeds from files only");
        }
    };

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
                outcome.attacks(), output, outcome.done(), outcome.hits(), outcome.errors(), outcome.pending());
    }

    public Outcome run(SparkSession spark) throws IOException {
        Path path = new Path(campaign);
        String yaml = new String(HadoopFiles.read(spark, campaign, "campaign file"), StandardCharsets.UTF_8);
        java.nio.file.Path folder = isLocal(path) ? java.nio.file.Path.of(path.toUri().getPath()).toAbsolutePath().getParent() : null;
        CampaignDefinition definition = CampaignDefinition.parse(yaml, path.getName(), folder);
        List<Seed> seeds = List.copyOf(definition.seeds(NO_STORE));
        List<String> keys = definition.plan(seeds).attacks().stream().map(PlannedAttack::key).toList();
        OutputFolder.claim(spark, output, overwrite); // refuses an existing output before anything runs
        int parts = Math.max(1, Math.min(keys.size(), partitions != null ? partitions : spark.sparkContext().defaultParallelism()));
        String origin = path.getName();
        JavaRDD<String> lines = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(keys, parts)
                .mapPartitions(share -> CampaignShare.run(yaml, origin, seeds, parts, share));
        Path partial = new Path(output + ".partial");
        try {
            Outcome outcome;
            try (Writer out = writer(spark, partial)) {
                outcome = write(lines.toLocalIterator(), out);
            }
            HadoopFiles.rename(spark, partial, new Path(output));
            return outcome;
        } catch (Exception e) { // Spark's own exceptions are checked ones thrown undeclared from Scala
            HadoopFiles.delete(spark, partial); // an existing output stays as it was
            throw e;
        }
    }

    private Writer writer(SparkSession spark, Path file) throws IOException {
        OutputStream out = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(file, true);
        return new OutputStreamWriter(output.endsWith(".gz") ? new GZIPOutputStream(out) : out, StandardCharsets.UTF_8);
    }

    /**
     * Writes every line and counts what the attacks came to; benign prompts (over-refusal) are
     * written but not counted, so the totals are the attacks', as {@code attack} and the workbench count them.
     */
    static Outcome write(Iterator<String> lines, Writer out) throws IOException {
        long attacks = 0;
        long done = 0;
        long errors = 0;
        long pending = 0;
        long hits = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            out.write(line);
            out.write('\n');
            JsonNode node = Json.mapper().readTree(line);
            if (node.path("benign").asBoolean(false)) {
                continue;
            }
            attacks++;
            switch (node.path("status").asText()) {
                case "done" -> done++;
                case "error" -> errors++;
                default -> pending++;
            }
            if ("HIT".equals(node.path("verdicts").path(0).path("outcome").asText()) && "done".equals(node.path("status").asText())) {
                hits++;
            }
        }
        return new Outcome(attacks, done, errors, pending, hits);
    }

    private static boolean isLocal(Path path) {
        String scheme = path.toUri().getScheme();
        return scheme == null || scheme.equals("file");
    }
}
