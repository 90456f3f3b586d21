package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 15: gzip members are read as gzip writes them, and nothing after the last one is let through. */
@Tag("reliability")
class StrictGzipInputStreamTest {

    @Test
    void readsOneOrManyMembersExactlyWhateverTheBufferSize() throws IOException {
        SplittableRandom random = new SplittableRandom(15);
        for (int trial = 0; trial < 50; trial++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (int member = random.nextInt(1, 4); member > 0; member--) {
                byte[] content = new byte[random.nextInt(0, 20_000)];
                for (int i = 0; i < content.length; i++) {
                    content[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 'a' + random.nextInt(3));
                }
                expected.write(content);
                file.write(gzip(content));
            }

            assertThat(decompress(file.toByteArray(), random.nextInt(16, 512))).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void readsHeadersWithNameExtraCommentAndHeaderChecksum() throws IOException {
        byte[] content = "seed one\nseed two\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        file.write(new byte[] {3, 0, 'a', 'b', 'c'});
        file.write("seeds.txt\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        file.write("a comment\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        file.write(new byte[] {0, 0});
        byte[] rest = gzip(content); // its deflate data and trailer, after its own 10-byte header
        file.write(rest, 10, rest.length - 10);

        assertThat(decompress(file.toByteArray(), 64)).isEqualTo(content);
    }

    @Test
    void refusesBytesAfterTheLastMember() throws IOException {
        byte[] member = gzip("hello\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        for (byte[] tail : new byte[][] {{'G', 'A', 'R'}, {0}, {0x1f, 0x00}}) {
            assertThatThrownBy(() -> decompress(concat(member, tail), 64))
                    .isInstanceOf(StrictGzipInputStream.TrailingBytesException.class)
                    .hasMessageStartingWith("the gzip data ends at byte " + member.length);
        }
        assertThatThrownBy(() -> decompress(concat(member, new byte[] {0x1f, (byte) 0x8b, 9}), 64))
                .isInstanceOf(ZipException.class).hasMessageContaining("not deflate");
        for (byte[] tail : new byte[][] {{0x1f}, {0x1f, (byte) 0x8b, 8}}) {
            assertThatThrownBy(() -> decompress(concat(member, tail), 64))
                    .as("the start of a member that breaks off").isInstanceOf(EOFException.class);
        }
    }

    @Test
    void refusesDamagedAndTruncatedData() throws IOException {
        byte[] member = gzip(new byte[5000]);
        byte[] badChecksum = member.clone();
        badChecksum[badChecksum.length - 6] ^= 1;

        assertThatThrownBy(() -> decompress(badChecksum, 64)).isInstanceOf(ZipException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> decompress(Arrays.copyOf(member, member.length - 3), 64)).isInstanceOf(EOFException.class)
                .hasMessageContaining("breaks off");
        assertThatThrownBy(() -> decompress(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xff, (byte) 0xff}, 64))
                .isInstanceOf(ZipException.class).hasMessageContaining("damaged");
    }

    private static byte[] decompress(byte[] file, int buffer) throws IOException {
        try (InputStream in = new StrictGzipInputStream(new ByteArrayInputStream(file), buffer)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[100];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
