package org.redteam4j.core.format;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses a line longer than a limit, so that a file with no line breaks — a
 * minified dump, a binary blob, a hostile upload — ends in an error instead of filling the heap
 * while a line reader waits for a newline that never comes.
 */
final class BoundedLineReader extends FilterReader {

    /** Raised by {@link #read} once a line passes the limit. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(long limit) {
            super("a line longer than " + String.format("%,d", limit) + " characters");
        }
    }

    private final long limit;
    private long sinceNewline;

    BoundedLineReader(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            count(buffer[i]);
        }
        return n;
    }

    private void count(int c) throws LineTooLongException {
        if (c == '\n') {
            sinceNewline = 0;
        } else if (++sinceNewline > limit) {
            throw new LineTooLongException(limit);
        }
    }
}
