package org.redteam4j.core.format;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;
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

    /** Opens a regular file; anything else (a folder, a pipe, a device, a missing file) is refused, saying what it is. */
    public static DataFile open(Path path) {
        long size = InputFiles.requireRegularFile(path);
        if (size == 0) {
            throw new BadInput(path + ": is empty (0 bytes)");
        }
        try {
            return open(path.toString(), size, Files.newInputStream(path));
        } catch (IOException e) {
            throw InputFiles.unreadable(path, e);
        }
    }

    /**
     * A small declaration file (YAML) as strict UTF-8 text, opened and decoded like every data file;
     * a malformed byte is reported with its line and column.
     */
    public static String text(Path path) {
        try (DataFile file = open(path); BufferedReader reader = file.strictUtf8()) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[BUFFER];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
                if (text.length() > MAX_LINE_CHARS) {
                    throw new BadInput(path + ": more than " + String.format("%,d", MAX_LINE_CHARS)
                            + " characters; a declaration file is far smaller (is this the right file?)");
                }
            }
            return text.toString();
        } catch (StrictUtf8Reader.MalformedUtf8Exception e) {
            throw new BadInput(path + ": line " + e.line() + ", column " + e.column() + ": " + e.problem(), e);
        } catch (IOException e) {
            throw new BadInput(path + ": " + problem(e), e);
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
                    ? new BufferedInputStream(new StrictGzipInputStream(buffered, BUFFER), BUFFER)
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
        return new BufferedReader(new BoundedLineReader(new StrictUtf8Reader(content, BUFFER), MAX_LINE_CHARS), BUFFER);
    }

    /**
     * What a failed read means for the file, in words for the user — the one translation every
     * reader uses: a malformed UTF-8 byte (with its line and column), a line too long, damaged
     * gzip data or bytes after it, or a file that breaks off.
     */
    static String problem(IOException e) {
        if (e instanceof BoundedLineReader.LineTooLongException) {
            return e.getMessage() + "; no record is that long, so this is not a file of records (is it one huge line?)";
        }
        if (e instanceof StrictUtf8Reader.MalformedUtf8Exception) {
            return e.getMessage();
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not valid UTF-8 text";
        }
        if (e instanceof StrictGzipInputStream.TrailingBytesException) {
            return e.getMessage();
        }
        if (e instanceof ZipException) {
            return "not valid gzip data (" + e.getMessage() + ")";
        }
        return "the file could not be read to the end (" + e.getMessage() + "); is it truncated?";
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
