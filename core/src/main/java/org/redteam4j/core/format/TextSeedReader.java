package org.redteam4j.core.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.redteam4j.core.attack.Seed;

/** Reads plain-text seeds: one seed a line; blank lines are skipped. */
public final class TextSeedReader extends FileRecordReader<Seed> {

    private final BufferedReader lines;
    private long line;
    private long count;

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
            } while (text.isBlank());
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
