package org.redteam4j.spark;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** What every job shares: where Spark runs, the timing line, and errors a user can act on. */
abstract class SparkJob implements Callable<Integer> {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not run by spark-submit, e.g. local[4] (default: spark-submit's, else local[*]).")
    String master;

    /** The application name in Spark's UI. */
    abstract String appName();

    /** Runs the job and says what it did, e.g. "Scored 40,000 attempts into …". */
    abstract String runAndDescribe(SparkSession spark) throws Exception;

    @Override
    public Integer call() {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            long started = System.nanoTime();
            String done = runAndDescribe(session());
            err.printf("%s in %.1f s.%n", done, (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (Exception e) {
            return JobErrors.report(e, err);
        }
    }

    /** spark-submit's master, else {@code --master}, else all local cores. */
    private SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName(appName());
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
