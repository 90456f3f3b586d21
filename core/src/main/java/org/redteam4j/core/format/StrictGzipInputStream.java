package org.redteam4j.core.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads gzip data — one member or several concatenated, as gzip itself writes them — and refuses
 * anything after the last member. {@link java.util.zip.GZIPInputStream} stops silently at bytes
 * that do not start a member, so a damaged file or two files joined by mistake imported "fine".
 */
final class StrictGzipInputStream extends InputStream {

    /** Bytes after the end of the gzip data that do not start another member. */
    static final class TrailingBytesException extends ZipException {
        TrailingBytesException(long offset, int firstByte) {
            super("the gzip data ends at byte " + String.format("%,d", offset) + " but the file goes on with bytes that are "
                    + "not gzip (" + String.format("0x%02x", firstByte) + "); is it damaged, or two files joined?");
        }
    }

    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final PushbackInputStream in;
    private final byte[] input;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private int inputLength;
    private long offset; // compressed bytes consumed, for messages
    private boolean finished;

    StrictGzipInputStream(InputStream in, int bufferSize) throws IOException {
        this.in = new PushbackInputStream(in, bufferSize);
        this.input = new byte[bufferSize];
        readHeader(true);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int length) throws IOException {
        Objects.checkFromIndexSize(off, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (!finished) {
            int n;
            try {
                n = inflater.inflate(buffer, off, length);
            } catch (DataFormatException e) {
                throw new ZipException("the gzip data is damaged near byte " + String.format("%,d", offset) + " (" + e.getMessage() + ")");
            }
            if (n > 0) {
                crc.update(buffer, off, n);
                return n;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("the gzip data asks for a preset dictionary, which gzip never uses");
            } else if (inflater.needsInput()) {
                fillInput();
            }
        }
        return -1;
    }

    private void fillInput() throws IOException {
        int n = in.read(input, 0, input.length);
        if (n < 0) {
            throw new EOFException("the gzip data breaks off at byte " + String.format("%,d", offset));
        }
        inputLength = n;
        offset += n;
        inflater.setInput(input, 0, n);
    }

    /** Checks the member's trailer; then the file ends, or another member starts. */
    private void endMember() throws IOException {
        int unused = inflater.getRemaining();
        if (unused > 0) {
            in.unread(input, inputLength - unused, unused);
            offset -= unused;
        }
        long expectedCrc = readInt();
        long expectedSize = readInt();
        if (expectedCrc != crc.getValue() || expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new ZipException("the gzip data is damaged: the member ending at byte " + String.format("%,d", offset)
                    + " does not match its checksum");
        }
        int next = in.read();
        if (next < 0) {
            finished = true;
            return;
        }
        in.unread(next);
        readHeader(false);
        inflater.reset();
        crc.reset();
    }

    private void readHeader(boolean first) throws IOException {
        long start = offset;
        int id1 = readByte();
        int id2 = id1 == MAGIC_1 ? readByte() : -1;
        if (id1 != MAGIC_1 || id2 != MAGIC_2) {
            if (first) {
                throw new ZipException("not gzip data");
            }
            throw new TrailingBytesException(start, id1);
        }
        if (readByte() != DEFLATE) {
            throw new ZipException("the gzip member at byte " + String.format("%,d", start) + " is not deflate-compressed");
        }
        int flags = readByte();
        skip(6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(readByte() | readByte() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
    }

    private long readInt() throws IOException {
        return readByte() | readByte() << 8 | readByte() << 16 | (long) readByte() << 24;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the gzip data breaks off at byte " + String.format("%,d", offset));
        }
        offset++;
        return b;
    }

    private void skip(int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            readByte();
        }
    }

    private void skipZeroTerminated() throws IOException {
        while (readByte() != 0) {
            // a file name or comment: not needed
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
