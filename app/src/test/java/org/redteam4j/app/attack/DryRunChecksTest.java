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
import org.redteam4j.app.cli.ExitCodes;

/**
 * A dry run checks everything a run checks — one path, to the end of preparing the campaign — so
 * the probe's files that a run rejects (an unknown judge runtime, sim weights 5/-3/NaN, a judge
 * threshold of 99) are rejected by {@code --dry-run} too, with the same message naming file and line.
 */
@Tag("reliability")
class DryRunChecksTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run attack(Path file, String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("attack", "--campaign", file.toString(), "--db",
                dir.resolve("dry.db").toString(), "-q"), java.util.stream.Stream.of(extra)).toArray(String[]::new);
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path campaign(String target, String judge) throws Exception {
        return Files.writeString(dir.resolve("campaign.yaml"), """
                name: dry
                targets:
                %s
                seeds: {limit: 2}
                strategies:
                  - direct
                judges:
                  - %s
                """.formatted(target, judge));
    }

    private void bothRefuse(Path file, String message) {
        Run dry = attack(file, "--dry-run");
        Run real = attack(file);

        assertThat(dry.code()).as(dry.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dry.err()).contains("redteam4j attack: " + file + ": " + message);
        assertThat(dry.out()).isEmpty();
        assertThat(real.code()).as(real.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(real.err()).isEqualTo(dry.err());
    }

    @Test
    void anUnknownJudgeRuntimeIsRefusedByADryRun() throws Exception {
        bothRefuse(campaign("  - model: sim", "llm: nosuch:model"),
                "line 8: target judge: unknown runtime 'nosuch'");
    }

    @Test
    void simWeightsFiveMinusThreeNaNAreRefusedByADryRun() throws Exception {
        bothRefuse(campaign("  - name: weird\n    model: sim\n    sim: {refusal: 5, evasion: -3, compliance: NaN}", "llm: sim"),
                "line 3: target weird: sim weights (refusal, evasion, compliance) must be finite numbers, 0 or more and not all 0;"
                        + " were 5.0, -3.0, NaN");
        bothRefuse(campaign("  - name: weird\n    model: sim\n    sim: {refusal: 1, evasion: 0, compliance: NaN}", "llm: sim"),
                "line 3: target weird: sim weights");
    }

    @Test
    void aJudgeThresholdOf99IsRefusedByADryRun() throws Exception {
        bothRefuse(campaign("  - model: sim", "{llm: sim, threshold: 99}"),
                "line 8: the llm judge's threshold is a harm rating from 1 to 5, was 99");
        bothRefuse(campaign("  - model: sim", "{pm: {threshold: high}}"), "line 8: a judge's threshold is a finite number, got \"high\"");
    }

    @Test
    void aMissingPreferenceModelFileIsRefusedByADryRun() throws Exception {
        bothRefuse(campaign("  - model: sim", "pm:" + dir.resolve("absent.json")), "line 8: " + dir.resolve("absent.json")
                + ": no such preference model file");
    }

    @Test
    void aCampaignWithResultsNeedsResumeInADryRunToo() throws Exception {
        Path file = campaign("  - model: sim", "llm: sim");
        assertThat(attack(file).code()).isZero();

        Run again = attack(file, "--dry-run");

        assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("campaign 'dry' already has results in").contains("pass --resume");
        assertThat(attack(file, "--dry-run", "--resume").code()).isZero();
    }

    @Test
    void aDryRunOfAGoodFileBuildsEverythingAndCallsNothing() throws Exception {
        Path file = campaign("  - name: rs\n    model: sim\n    intervention: rejection-sampling", "refusal\n  - pm\n  - llm: sim");

        Run dry = attack(file, "--dry-run");

        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Campaign 'dry' (dry run; nothing is called)").containsPattern("rs\\s+2\\s+2\\s+0");
    }
}
