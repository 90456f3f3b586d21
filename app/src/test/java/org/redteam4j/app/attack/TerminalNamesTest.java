package org.redteam4j.app.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.Cli;

/**
 * Campaign and target names come from files anyone may hand over: wherever the command line prints
 * one (dry run, summary, gate, stats), escape sequences, NUL, BEL and newlines are shown, not obeyed.
 */
@Tag("security")
class TerminalNamesTest {

    @TempDir
    Path dir;

    private static final String CAMPAIGN = """
            name: "evil\\e[2J\\e]0;owned\\a\\0\\nFAIL: forged line"
            targets:
              - name: "t\\e[31m\\nFAIL: target forged"
                model: sim
                sim: {refusal: 0.0, evasion: 0.0, compliance: 1.0}
            seeds: {limit: 2}
            strategies:
              - direct
            judges:
              - refusal
            """;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return out + "\n" + err;
    }

    private static void printedSafely(String printed) {
        assertThat(printed).doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\u0007")
                .doesNotContain("\nFAIL: forged line").doesNotContain("\nFAIL: target forged");
    }

    @Test
    void namesAreEscapedEverywhereACampaignIsPrinted() throws Exception {
        Path file = Files.writeString(dir.resolve("evil.yaml"), CAMPAIGN);
        String db = dir.resolve("evil.db").toString();

        String dry = run("attack", "--campaign", file.toString(), "--db", db, "--dry-run");
        String real = run("attack", "--campaign", file.toString(), "--db", db, "-q", "--fail-above", "0");
        String stats = run("stats", "--db", db);

        printedSafely(dry);
        assertThat(dry).contains("Campaign 'evil\\u001b[2J\\u001b]0;owned\\u0007\\u0000\\u000aFAIL: forged line'")
                .contains("t\\u001b[31m\\u000aFAIL: target forged");
        printedSafely(real);
        assertThat(real).contains("FAIL: target t\\u001b[31m\\u000aFAIL: target forged raw success rate");
        printedSafely(stats);
        assertThat(stats).contains("Automated campaign 'evil\\u001b[2J");
    }
}
