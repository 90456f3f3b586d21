package org.redteam4j.core.format;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.redteam4j.core.failure.BadInput;

/**
 * An input file opened for streaming: gzip is recognised from the content (its magic bytes),
 * never from the name, because hh-rlhf's {@code .jsonl.gz} files are really JSON arrays.
 */
public final class DataFile implements AutoCloseable {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER = 1 << 16;

    /**
     * The longest line a text reader accepts: far above any real record (hh-rlhf's longest
     * transcripts are tens of kilobytes), far below what would exhaust a small heap.
     */
    public static final long MAX_LINE_CHARS = 16L * 1024 * 1024;

    private final String name;
    private final long size;
    private final CountingInputStream raw;
    private final InputStream content;
    private final boolean gzip;

    private DataFile(String name, long size, CountingInputStream raw, InputStream content, boolean gzip) {
        this.name = name;
        this.size = size;
        this.raw = raw;
        this.content = content;
        this.gzip = gzip;
    }

    public static DataFile open(Path path) {
        String name = path.toString();
        try {
            return open(name, Files.size(path), Files.newInputStream(path));
        } catch (NoSuchFileException e) {
            throw new BadInput(name + ": no such file");
        } catch (IOException e) {
            throw new BadInput(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A file from any file system (HDFS, S3, …) already opened by the caller; {@code name} is used in messages. */
    public static DataFile open(String name, long size, InputStream in) {
        try {
            CountingInputStream raw = new CountingInputStream(in);
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
            buffered.mark(2);
            boolean gzip = buffered.read() == GZIP_MAGIC_1 && buffered.read() == GZIP_MAGIC_2;
            buffered.reset();
            InputStream content = gzip
                    ? new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER)
                    : buffered;
            return new DataFile(name, size, raw, content, gzip);
        } catch (IOException e) {
            closeQuietly(in);
            throw new BadInput(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the read error is what the caller needs to hear about
        }
    }

    /** The file name as the user gave it, for messages. */
    public String name() {
        return name;
    }

    /**
     * The decompressed content as UTF-8 text; malformed bytes raise an error instead of turning
     * into U+FFFD, and a line longer than {@link #MAX_LINE_CHARS} raises one instead of filling memory.
     */
    public BufferedReader strictUtf8() {
        return new BufferedReader(new BoundedLineReader(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), MAX_LINE_CHARS), BUFFER);
    }

    /** The error for a line past {@link #MAX_LINE_CHARS}: what it means for the file. */
    static String tooLong(BoundedLineReader.LineTooLongException e) {
        return e.getMessage() + "; no record is that long, so this is not a file of records (is it one huge line?)";
    }

    /** The decompressed content. */
    public InputStream content() {
        return content;
    }

    public boolean isGzip() {
        return gzip;
    }

    public long bytesConsumed() {
        return raw.count();
    }

    public long size() {
        return size;
    }

    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
