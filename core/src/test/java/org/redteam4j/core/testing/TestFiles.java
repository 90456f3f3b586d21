package org.redteam4j.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.format.RecordReader;

/** Writes test input files: records in any layout, gzipped or not, and broken variants. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path gzip(Path file, byte[] content) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes attempts in the given layout, gzipped when {@code gzip}. */
    public static Path attempts(Path file, Iterator<RedTeamAttempt> attempts, JsonRecordWriter.Layout layout, boolean gzip) {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : new java.io.BufferedOutputStream(raw, 1 << 16);
             JsonRecordWriter<RedTeamAttempt> writer = JsonRecordWriter.attempts(out, layout)) {
            attempts.forEachRemaining(writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static <T> List<T> readAll(RecordReader<T> reader) {
        List<T> records = new ArrayList<>();
        try (reader) {
            for (T record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
        }
        return records;
    }

    /** A copy of {@code file} cut to its first {@code fraction} of bytes. */
    public static Path truncated(Path file, Path copy, double fraction) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(copy, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
