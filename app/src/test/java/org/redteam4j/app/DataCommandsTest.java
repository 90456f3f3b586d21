package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonRecordComparison;
import org.redteam4j.core.format.Records;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.core.testing.TestFiles;

class DataCommandsTest {

    @TempDir
    Path dir;

    @Test
    void importThenExportGivesTheInputBack() throws Exception {
        Path sample = SharedData.redTeamSample();
        String db = dir.resolve("rt.db").toString();
        Path out = dir.resolve("x.json");

        CliRun imported = CliRun.of("import", sample.toString(), "--db", db);
        CliRun exported = CliRun.of("export", "--out", out.toString(), "--db", db);

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("Imported 10 red-team attempts");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Json.mapper().readTree(out.toFile())).isEqualTo(Json.mapper().readTree(sample.toFile()));
    }

    @Test
    void exportsGzipAndJsonLinesOnRequest() {
        Path sample = SharedData.redTeamSample();
        String db = dir.resolve("rt.db").toString();
        CliRun.of("import", sample.toString(), "--db", db);
        Path out = dir.resolve("x.jsonl.gz");

        assertThat(CliRun.of("export", "--out", out.toString(), "--db", db, "--lines").exitCode()).isZero();

        assertThat(JsonRecordComparison.firstDifference(sample, out)).isEmpty();
    }

    @Test
    void statsJsonIsOneDocumentOnStdout() throws Exception {
        String db = dir.resolve("rt.db").toString();
        CliRun.of("import", SharedData.redTeamSample().toString(), "--db", db);

        CliRun stats = CliRun.of("stats", "--json", "--db", db);

        assertThat(stats.exitCode()).isZero();
        JsonNode json = Json.mapper().readTree(stats.out());
        assertThat(json.get("attempts").asLong()).isEqualTo(10);
        assertThat(json.get("table1").get(0).get("model_type").asText()).isEqualTo("context distillation");
        assertThat(json.get("mean_rating").asDouble()).isEqualTo(2.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.get("members").get("by_recruitment_source").get("upwork").asLong()).isEqualTo(1);
    }

    @Test
    void statsTableShowsTable1AndRatings() {
        String db = dir.resolve("rt.db").toString();
        CliRun.of("import", SharedData.redTeamSample().toString(), "--db", db);

        CliRun stats = CliRun.of("stats", "--db", db);

        assertThat(stats.out()).contains("Attempts by model type and size (Table 1)")
                .containsPattern("context distillation\\s+10\\s+10")
                .contains("mean rating 2.30; rated 3 or more (successful): 50.0%")
                .contains("Members with attempts: 3 (mturk 2, upwork 1)");
    }

    @Test
    void badInputExitsWithTwoAndNamesRecordAndField() throws Exception {
        String db = dir.resolve("rt.db").toString();
        Path bad = TestFiles.write(dir.resolve("bad.json"), Records.array(Records.json(node -> node.put("rating", 9))));

        CliRun run = CliRun.of("import", bad.toString(), "--db", db);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(bad + ": record 1 (line 2), field \"rating\": expected a number from 0 to 4, got 9.0");
        assertThat(CliRun.of("stats", "--json", "--db", db).out()).contains("\"attempts\" : 0");
    }

    @Test
    void skipInvalidReportsWhatItSkipped() {
        String db = dir.resolve("rt.db").toString();
        Path mixed = TestFiles.write(dir.resolve("mixed.jsonl"),
                Records.lines(Records.validJson(), Records.json(node -> node.put("model_type", "x"))));

        CliRun run = CliRun.of("import", mixed.toString(), "--db", db, "--skip-invalid");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("Imported 1 red-team attempts").contains("1 skipped")
                .contains("skipped " + mixed + ": record 2 (line 2), field \"model_type\"");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(CliRun.of("import").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of("import", dir.resolve("missing.json").toString()).err()).contains("no such file");
        assertThat(CliRun.of("import", SharedData.redTeamSample().toString(), "--format", "xml",
                "--db", dir.resolve("a.db").toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of("stats", "--db", "jdbc:mysql://x/y").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of("export", "--out", dir.resolve("no/dir/x.json").toString(),
                "--db", dir.resolve("a.db").toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void anUnreachableDatabaseExitsWithThreeAndHidesThePassword() {
        CliRun run = CliRun.of("stats", "--db", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
        assertThat(run.err()).contains("127.0.0.1:1").doesNotContain("hunter2");
    }

    @Test
    void hostileTextInErrorsCannotDriveTheTerminal() {
        Path bad = TestFiles.write(dir.resolve("evil.json"),
                Records.array(Records.json(node -> node.put("model_type", "\u001b[2J\u001b]0;pwned\u0007"))));

        CliRun run = CliRun.of("import", bad.toString(), "--db", dir.resolve("a.db").toString());

        assertThat(run.err()).doesNotContain("\u001b").contains("\\u001b[2J");
    }

    @Test
    void exportWritesNothingWhenItFails() throws Exception {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "previous");

        CliRun run = CliRun.of("export", "--out", target.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
        assertThat(Files.readString(target)).isEqualTo("previous");
        assertThat(dir.toFile().list()).containsExactly("out.json");
    }

    @Test
    void helpDescribesEveryCommand() {
        CliRun help = CliRun.of("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("import", "export", "stats", "demo", "Exit codes:");
        assertThat(CliRun.of("import", "--help").out()).contains("--skip-invalid", "harmbench-csv");
    }
}
