package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.testing.TestFiles;

/** Issue 15: malformed UTF-8 is reported where it is, however far into the file, and good text decodes as before. */
@Tag("reliability")
class StrictUtf8ReaderTest {

    @TempDir
    Path dir;

    @Test
    void aBadByteFarPastTheFirstBufferIsReportedOnItsLine() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < 5000; i++) {
            text.append("seed number ").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = (text + "seed \u0001\n").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 2] = (byte) 0xff;
        Path file = Files.write(dir.resolve("long.txt"), bytes);

        assertThatThrownBy(() -> TestFiles.readAll(Datasets.textSeeds(file))).isInstanceOf(InvalidRecordException.class)
                .hasMessage(file + ": record 5000 (line 5000): not valid UTF-8 text: byte 0xff at line 5000, column 6");
    }

    @Test
    void aSequenceCutByTheEndOfTheFileIsReported() {
        byte[] bytes = "ok\nend \u00e9".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> decode(java.util.Arrays.copyOf(bytes, bytes.length - 1), 4))
                .hasMessage("not valid UTF-8 text: byte 0xc3 at line 2, column 5");
    }

    @Test
    void decodesAnyTextLikeTheJdkWhateverTheBufferSize() throws IOException {
        SplittableRandom random = new SplittableRandom(15);
        for (int trial = 0; trial < 300; trial++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(300); i > 0; i--) {
                text.appendCodePoint(random.nextInt(8) == 0 ? '\n' : random.nextInt(4) == 0 ? 0x1F600 + random.nextInt(50)
                        : random.nextInt(1, 0x3000));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

            assertThat(decode(bytes, random.nextInt(4, 64))).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aBadByteAnywhereIsFoundAtItsLineAndColumn() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append(i % 7 == 6 ? '\n' : (char) ('a' + i % 26));
        }
        for (int at = 0; at < 200; at++) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            bytes[at] = (byte) 0xfe;
            String before = text.substring(0, at);
            long line = before.chars().filter(c -> c == '\n').count() + 1;
            long column = at - before.lastIndexOf('\n');
            int buffer = 4 + at % 61;

            assertThatThrownBy(() -> decode(bytes, buffer))
                    .hasMessage("not valid UTF-8 text: byte 0xfe at line " + line + ", column " + column);
        }
    }

    private static String decode(byte[] bytes, int buffer) throws IOException {
        StringWriter out = new StringWriter();
        try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes), buffer)) {
            char[] chunk = new char[7];
            for (int n = reader.read(chunk); n >= 0; n = reader.read(chunk)) {
                out.write(chunk, 0, n);
            }
        }
        return out.toString();
    }
}
