package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.testing.TestFiles;

/**
 * Issue 15: files that once imported "successfully" — exit 0, rows added — are refused with exit
 * 2, a message naming the file (and the record, line and field where there is one), and a
 * database left exactly as it was.
 */
@Tag("reliability")
class ImportRefusalsTest {

    private static final String HEADER = "Behavior,FunctionalCategory,SemanticCategory,Tags,ContextString,BehaviorID\n";

    @TempDir
    Path dir;

    private String db;

    @BeforeEach
    void aDatabaseWithSomethingInIt() {
        db = dir.resolve("rt.db").toString();
        CliRun first = CliRun.of("import", TestFiles.write(dir.resolve("good.txt"), "a first seed\n").toString(), "--db", db);
        assertThat(first.exitCode()).as(first.err()).isZero();
    }

    @Test
    void anEmptyFileIsRefused() {
        Path empty = TestFiles.write(dir.resolve("empty.jsonl"), "");

        assertRefusedUnchanged(empty, empty + ": is empty (0 bytes)");
        assertRefusedUnchanged(empty, empty + ": is empty (0 bytes)", "--format", "red-team-attempts");
    }

    @Test
    void aFileWithoutRecordsIsRefused() throws IOException {
        Path blank = TestFiles.write(dir.resolve("blank.txt"), "\n  \n\n");
        Path header = TestFiles.write(dir.resolve("header.csv"), HEADER);
        Path emptyGzip = Files.write(dir.resolve("nothing.gz"), gzip(new byte[0]));

        assertRefusedUnchanged(blank, blank + ": holds no records; nothing to import");
        assertRefusedUnchanged(header, header + ": holds no records; nothing to import");
        assertRefusedUnchanged(emptyGzip, emptyGzip + ": holds no records; nothing to import", "--format", "text");
    }

    @Test
    void aCsvWithUnknownColumnsIsNotImportedAsTextSeedsInAutoMode() {
        Path csv = TestFiles.write(dir.resolve("prompts.csv"), "prompt,category\nHow do I pick a lock?,crime\n");
        Path spaced = TestFiles.write(dir.resolve("goals.csv"), "Goal Text,Target\nDo a thing,Sure\n");
        Path noExtension = TestFiles.write(dir.resolve("prompts"), "prompt,category\nHow do I pick a lock?,crime\n");

        assertRefusedUnchanged(csv, csv + ": line 1: a CSV header (prompt,category) of none of the CSV formats import reads");
        assertRefusedUnchanged(spaced, spaced + ": line 1: a CSV header (Goal Text,Target) of none of the CSV formats import reads");
        assertRefusedUnchanged(noExtension, noExtension + ": line 1: a CSV header (prompt,category)");
        CliRun asText = CliRun.of("import", csv.toString(), "--db", db, "--format", "text");
        assertThat(asText.exitCode()).as("asked for, it is text").isZero();
        assertThat(asText.err()).contains("Imported 2 seeds");
    }

    @Test
    void sentencesWithCommasAreStillTextSeeds() {
        Path seeds = TestFiles.write(dir.resolve("seeds.txt"), "Hello, tell me a story, please\nAnother seed\n");

        CliRun run = CliRun.of("import", seeds.toString(), "--db", db);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Imported 2 seeds");
    }

    @Test
    void aHarmBenchRowWithExtraOrMissingFieldsIsRefused() {
        Path extra = TestFiles.write(dir.resolve("extra.csv"), HEADER + "fine,f,s,t,c,id1\nbad,f,s,t,c,id2,EXTRA\n");
        Path missing = TestFiles.write(dir.resolve("missing.csv"), HEADER + "fine,f,s,t,c,id1\nshort,f,s,t,c\n");

        assertRefusedUnchanged(extra, extra + ": record 2 (line 3): 7 values, but the header names 6 columns; value 7 "
                + "(\"EXTRA\") has no column");
        assertRefusedUnchanged(missing, missing + ": record 2 (line 3), field \"BehaviorID\": missing: 5 values, but the "
                + "header names 6 columns");
    }

    @Test
    void aGzipMemberFollowedByGarbageIsRefused() throws IOException {
        byte[] member = gzip("first seed\nsecond seed\n".getBytes(StandardCharsets.UTF_8));
        Path garbage = Files.write(dir.resolve("seeds.txt.gz"), concat(member, "GARBAGE".getBytes(StandardCharsets.US_ASCII)));
        Path zeros = Files.write(dir.resolve("padded.txt.gz"), concat(member, new byte[512]));
        Path pairs = Files.write(dir.resolve("pairs.jsonl.gz"), concat(gzip(
                "{\"chosen\": \"\\n\\nHuman: a\\n\\nAssistant: b\", \"rejected\": \"\\n\\nHuman: a\\n\\nAssistant: c\"}\n"
                        .getBytes(StandardCharsets.UTF_8)), new byte[] {'x'}));
        String endsAt = ": the gzip data ends at byte " + member.length + " but the file goes on with bytes that are not gzip";

        assertRefusedUnchanged(garbage, garbage + endsAt + " (0x47)");
        assertRefusedUnchanged(garbage, garbage + ": record 3 (line 3)" + endsAt, "--format", "text");
        assertRefusedUnchanged(zeros, zeros + endsAt + " (0x00)");
        assertRefusedUnchanged(pairs, pairs + ": record 2 (line 2): the gzip data ends at byte", "--format", "preference-pairs");
    }

    @Test
    void concatenatedGzipMembersStillImport() throws IOException {
        Path joined = Files.write(dir.resolve("joined.txt.gz"),
                concat(gzip("one\ntwo\n".getBytes(StandardCharsets.UTF_8)), gzip("three\n".getBytes(StandardCharsets.UTF_8))));

        CliRun run = CliRun.of("import", joined.toString(), "--db", db);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Imported 3 seeds");
    }

    private void assertRefusedUnchanged(Path file, String message, String... options) {
        JsonNode before = stats();
        String[] args = new String[4 + options.length];
        args[0] = "import";
        args[1] = file.toString();
        args[2] = "--db";
        args[3] = db;
        System.arraycopy(options, 0, args, 4, options.length);

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(message);
        assertThat(stats()).as("the database is left as it was").isEqualTo(before);
    }

    private JsonNode stats() {
        CliRun stats = CliRun.of("stats", "--json", "--db", db);
        try {
            return Json.mapper().readTree(stats.out());
        } catch (IOException e) {
            throw new AssertionError(stats.err(), e);
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
