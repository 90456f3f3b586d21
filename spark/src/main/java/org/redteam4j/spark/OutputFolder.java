package org.redteam4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.redteam4j.core.failure.BadInput;

/**
 * A job's output folder: refused up front when it exists (unless the user said to replace it), and
 * removed again when the job fails, so a failed run leaves nothing behind and can simply be rerun.
 */
final class OutputFolder {

    private final FileSystem fs;
    private final Path path;

    private OutputFolder(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    static OutputFolder claim(SparkSession spark, String output, boolean overwrite) {
        Path path = new Path(output);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(path) && !overwrite) {
                throw new BadInput(output + ": already exists; choose another --output or add --overwrite");
            }
            return new OutputFolder(fs, path);
        } catch (IOException e) {
            throw new UncheckedIOException(output + ": cannot be checked", e);
        }
    }

    void removeAfterFailure() {
        try {
            fs.delete(path, true);
        } catch (IOException e) {
            // the job's own failure is what the user needs to see
        }
    }
}
