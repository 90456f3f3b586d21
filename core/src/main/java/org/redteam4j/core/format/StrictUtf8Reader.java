package org.redteam4j.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly, and lazily: the text before a malformed byte is handed out first and
 * the error comes on the next read, so it surfaces on the line that holds the byte — not on
 * the line a reader was filling its buffer for — and names that line, column and byte.
 * ({@link java.io.InputStreamReader} throws away a whole buffer of good text with the error.)
 */
final class StrictUtf8Reader extends Reader {

    /** A malformed byte sequence, with where it is in the text. */
    static final class MalformedUtf8Exception extends CharacterCodingException {

        private final long line;
        private final long column;
        private final int firstByte;

        MalformedUtf8Exception(long line, long column, int firstByte) {
            this.line = line;
            this.column = column;
            this.firstByte = firstByte;
        }

        long line() {
            return line;
        }

        long column() {
            return column;
        }

        /** What is wrong, without the place: for messages that name the line themselves. */
        String problem() {
            return "not valid UTF-8 text (byte " + String.format("0x%02x", firstByte) + ")";
        }

        @Override
        public String getMessage() {
            return "not valid UTF-8 text: byte " + String.format("0x%02x", firstByte) + " at line " + line
                    + ", column " + column;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
    private boolean endOfInput;
    private boolean flushed;
    private MalformedUtf8Exception pending;
    private long line = 1;
    private long column;
    private boolean afterCarriageReturn;

    StrictUtf8Reader(InputStream in, int bufferSize) {
        this.in = in;
        this.bytes = ByteBuffer.allocate(bufferSize);
        this.bytes.flip(); // empty, in read mode
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pending != null) {
            throw pending;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int produced = out.position() - offset;
            if (result.isError()) {
                advance(buffer, offset, produced);
                pending = new MalformedUtf8Exception(line, column + 1, bytes.get(bytes.position()) & 0xff);
                if (produced > 0) {
                    return produced;
                }
                throw pending;
            }
            if (result.isOverflow() || produced > 0 && !endOfInput) {
                advance(buffer, offset, produced);
                return produced;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
                produced = out.position() - offset;
                advance(buffer, offset, produced);
                return produced > 0 ? produced : -1;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** Moves the line and column past the characters just handed out (CR, LF and CRLF each end a line). */
    private void advance(char[] buffer, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = buffer[i];
            if (c == '\n') {
                if (!afterCarriageReturn) {
                    line++;
                }
                column = 0;
                afterCarriageReturn = false;
            } else if (c == '\r') {
                line++;
                column = 0;
                afterCarriageReturn = true;
            } else {
                afterCarriageReturn = false;
                if (!Character.isLowSurrogate(c)) {
                    column++;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
