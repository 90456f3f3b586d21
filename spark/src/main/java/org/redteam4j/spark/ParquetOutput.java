package org.redteam4j.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** {@code --output} and {@code --overwrite} of the jobs that write a folder of Parquet files. */
final class ParquetOutput {

    @Option(names = "--output", required = true, paramLabel = "PATH", description = "Folder for the results (Parquet).")
    String path;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
    boolean overwrite;

    OutputFolder claim(SparkSession spark) {
        return OutputFolder.claim(spark, path, overwrite);
    }
}
