package org.redteam4j.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.redteam4j.core.failure.BadInput;

/** Small files the driver reads or writes whole on any Hadoop file system: a head, a campaign, tables.json. */
final class HadoopFiles {

    private HadoopFiles() {
    }

    /** The file's bytes; {@code what} names it in the error when it is missing ("campaign file"). */
    static byte[] read(SparkSession spark, String path, String what) {
        Path file = new Path(path);
        try (var in = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(file)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            throw new BadInput(path + ": no such " + what);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot be read", e);
        }
    }

    /** Writes (or replaces) the file. */
    static void write(SparkSession spark, String path, byte[] content) {
        Path file = new Path(path);
        try (OutputStream out = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(file, true)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot be written", e);
        }
    }

    /** Renames {@code from} to {@code to}, replacing it: how a finished output appears whole. */
    static void rename(SparkSession spark, Path from, Path to) {
        try {
            var fs = from.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.delete(to, true);
            if (!fs.rename(from, to)) {
                throw new IOException("rename refused");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(to + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }

    /** Deletes the file if it is there; a failure to delete leaves the job's own failure to report. */
    static void delete(SparkSession spark, Path file) {
        try {
            file.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(file, true);
        } catch (IOException e) {
            // the job's own failure is what the user needs to see
        }
    }
}
