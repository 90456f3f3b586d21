package org.redteam4j.spark;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.redteam4j.core.analysis.AnalysisTables;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.failure.BadInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code redteam4j analyze}'s tables on a Spark cluster, written as the same tables.json. */
@Command(name = "AnalyzeJob",
        mixinStandardHelpOptions = true,
        description = {
            "Compute the paper's aggregate analyses of red-team attempts on Spark — Table 1 with bootstrap intervals, "
                    + "scaling trends, members, distributions, tags, rating against min-harmlessness — and write "
                    + "tables.json, the file redteam4j analyze writes. Render it with: redteam4j analyze --tables "
                    + "tables.json --out DIR.",
            "The numbers equal redteam4j analyze's on the same attempts with the same --seed, --resamples and --bootstrap, "
                    + "however the input is partitioned."})
public final class AnalyzeJob extends SparkJob {

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Attempts: an hh-rlhf file, folder or glob (JSON array or lines, plain or gzip) or Parquet from "
                    + "ScoreJob, on any Hadoop file system.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write tables.json (any file system).")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", description = "auto, json or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "2022", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--bootstrap", paramLabel = "UNIT", defaultValue = "members", description = "What the bootstrap resamples: "
            + "members (whole members with all their attempts, the default) or attempts (as if independent), as analyze does.")
    String bootstrap;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnalyzeJob()).execute(args));
    }

    @Override
    String appName() {
        return "redteam4j analyze";
    }

    @Override
    String runAndDescribe(SparkSession spark) {
        return String.format("Wrote %s for %,d attempts", output, run(spark).attempts());
    }

    public RedTeamAnalysis.Report run(SparkSession spark) {
        if (resamples < 100) {
            throw new BadInput("--resamples must be 100 or more for a meaningful interval");
        }
        RedTeamAnalysis.Resampling resampling;
        try {
            resampling = RedTeamAnalysis.Resampling.of(bootstrap);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--" + e.getMessage());
        }
        var facts = AttemptInput.read(spark, input, AttemptInput.Format.valueOf(format.toUpperCase(Locale.ROOT))).toJavaRDD()
                .map(AttemptRows::toFacts).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        try {
            RedTeamAnalysis.Report report = new DistributedAnalysis(seed, resamples, resampling).analyse(facts);
            if (report.attempts() == 0) {
                throw new BadInput(input + ": there is nothing to analyse");
            }
            boolean simulated = !facts.filter(AttemptFacts::simulated).isEmpty(); // generated example data says so per record
            HadoopFiles.write(spark, output, AnalysisTables.pretty(AnalysisTables.of(report, "files " + input, simulated))
                    .getBytes(StandardCharsets.UTF_8));
            return report;
        } finally {
            facts.unpersist();
        }
    }
}
