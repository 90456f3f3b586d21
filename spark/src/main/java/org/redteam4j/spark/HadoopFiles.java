package org.redteam4j.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

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
            throw new IllegalArgumentException(path + ": no such " + what);
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
}
