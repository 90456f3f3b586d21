package org.redteam4j.core.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.redteam4j.core.attack.Seed;

/**
 * Reads plain-text seeds (and benign prompts): one a line; blank lines and comment lines are
 * skipped. A comment is a line that is {@code #} alone or starts with {@code #} and a space
 * ({@code # about this file}); {@code #hashtag ideas} is text, not a comment.
 */
public final class TextSeedReader extends FileRecordReader<Seed> {

    private final BufferedReader lines;
    private long line;
    private long count;
    private long comments;

    private TextSeedReader(DataFile file) {
        super(file);
        this.lines = file.strictUtf8();
    }

    public static TextSeedReader open(DataFile file) {
        return new TextSeedReader(file);
    }

    @Override
    public Seed read() {
        try {
            String text;
            do {
                text = lines.readLine();
                if (text == null) {
                    return null;
                }
                line++;
            } while (text.isBlank() || comment(text));
            count++;
            if (text.indexOf('\0') >= 0) {
                throw InvalidRecordException.field(new RecordPosition(file.name(), count, line), null,
                        "expected text, got a NUL byte (is this a binary file?)");
            }
            return Seed.of(text.strip());
        } catch (IOException e) {
            throw InvalidRecordException.fatal(new RecordPosition(file.name(), count + 1, line + 1), DataFile.problem(e));
        }
    }

    /** Whether {@code text} is a comment line, counted when it is. */
    private boolean comment(String text) {
        String stripped = text.strip();
        boolean comment = stripped.equals("#") || stripped.startsWith("# ") || stripped.startsWith("#\t");
        if (comment) {
            comments++;
        }
        return comment;
    }

    /** The comment lines skipped so far. */
    public long comments() {
        return comments;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            super.close();
        }
    }
}
