package org.redteam4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import scala.Tuple2;

/**
 * Reads red-team attempts from any Hadoop file system path (a file, a folder or a glob): hh-rlhf
 * JSON arrays or JSON Lines, plain or gzip, or Parquet in {@link AttemptRows#SCHEMA} (what
 * {@link ScoreJob} writes). A JSON file is parsed by one task with the same streaming reader and
 * checks as {@code redteam4j import} — a JSON array cannot be split, nor can gzip — and the work
 * after parsing is spread by repartitioning.
 */
public final class AttemptInput {

    /** How the input is stored. */
    public enum Format {
        AUTO, JSON, PARQUET
    }

    private AttemptInput() {
    }

    public static Dataset<Row> read(SparkSession spark, String path, Format format) {
        Format resolved = format == Format.AUTO ? detect(spark, path) : format;
        if (resolved == Format.PARQUET) {
            Dataset<Row> parquet = spark.read().parquet(path);
            for (var field : AttemptRows.SCHEMA.fields()) {
                if (!List.of(parquet.columns()).contains(field.name())) {
                    throw new BadInput(path + ": Parquet input has no column \"" + field.name() + "\"");
                }
            }
            return parquet.select(List.of(AttemptRows.SCHEMA.fieldNames()).stream().map(functions::col).toArray(
                    org.apache.spark.sql.Column[]::new));
        }
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).binaryFiles(path)
                .flatMap(AttemptInput::parse);
        return spark.createDataFrame(rows, AttemptRows.SCHEMA);
    }

    /** The file's records one at a time, as Spark pulls them: a file never has to fit in memory. */
    private static Iterator<Row> parse(Tuple2<String, PortableDataStream> file) {
        String name = file._1();
        RecordReader<RedTeamAttempt> reader = Datasets.redTeamAttempts(name, -1, file._2().open());
        return new Iterator<>() {
            private RedTeamAttempt next = advance();
            private long record;

            private RedTeamAttempt advance() {
                RedTeamAttempt attempt = reader.read();
                if (attempt == null) {
                    reader.close();
                }
                return attempt;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row row = AttemptRows.toRow(next, name, ++record);
                next = advance();
                return row;
            }
        };
    }

    /** Parquet when the path names a .parquet file or a folder holding them; JSON otherwise. */
    static Format detect(SparkSession spark, String path) {
        if (path.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return Format.PARQUET;
        }
        try {
            Path hadoopPath = new Path(path);
            FileSystem fs = hadoopPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] matches = fs.globStatus(hadoopPath);
            if (matches == null || matches.length == 0) {
                throw new BadInput(path + ": no such file or folder");
            }
            for (FileStatus match : matches) {
                if (match.isDirectory()) {
                    for (FileStatus child : fs.listStatus(match.getPath())) {
                        if (child.getPath().getName().endsWith(".parquet")) {
                            return Format.PARQUET;
                        }
                    }
                }
            }
            return Format.JSON;
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot be listed", e);
        }
    }
}
