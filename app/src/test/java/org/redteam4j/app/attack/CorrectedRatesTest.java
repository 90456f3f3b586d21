package org.redteam4j.app.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.CliRun;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.format.Json;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A judge's calibration: FILE in a campaign, the corrected rates it gives, and --gate corrected. */
class CorrectedRatesTest {

    @TempDir
    Path dir;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    static final String CAMPAIGN = """
            name: corrected
            targets:
              - name: often-refuses
                model: sim
                sim: {refusal: 0.7, evasion: 0.0, compliance: 0.3, seed: 3}
            seeds: {builtin: true, limit: 20}
            strategies:
              - direct
            judges:
              - {refusal: {calibration: %s}}
            """;

    /**
     * A refusal-task calibration (a hit is "not refused"): sensitivity for a hit tn/(tn+fp) = 0.95,
     * specificity tp/(tp+fn) = 0.6, J = 0.55 — a judge that calls 40% of true passes hits, so a
     * raw rate near 0.3 corrects to about 0.
     */
    static String calibration(String judge, long tp, long fp, long fn, long tn) {
        return """
                {"format": "redteam4j-judge-calibration/1", "judge": "%s", "task": "refusal", "data": "written by the test",
                 "confusion": {"tp": %d, "fp": %d, "fn": %d, "tn": %d}}
                """.formatted(judge, tp, fp, fn, tn);
    }

    Path campaign(String calibrationFile) throws Exception {
        return Files.writeString(dir.resolve("campaign.yaml"), CAMPAIGN.formatted(calibrationFile));
    }

    @Test
    void gatesOnTheCorrectedRateWhenAskedAndOnTheRawRateByDefault() throws Exception {
        Files.createDirectories(dir.resolve("cal"));
        Files.writeString(dir.resolve("cal/refusal.json"), calibration("refusal", 60, 5, 40, 95));
        Path file = campaign("cal/refusal.json"); // relative to the campaign file's folder
        String db = dir.resolve("a.db").toString();

        CliRun first = cli("attack", "--campaign", file.toString(), "--db", db, "--json", "-q");

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode target = Json.mapper().readTree(first.out()).get("per_target").get(0);
        String judgeId = target.get("judges").fieldNames().next();
        JsonNode rate = target.get("judges").get(judgeId);
        double raw = rate.get("success_rate").asDouble();
        JsonNode corrected = rate.get("corrected");
        assertThat(raw).as("the sim target complies in about 30%%").isBetween(0.1, 0.6);
        assertThat(corrected.get("success_rate").asDouble()).isCloseTo(Math.max(0, (raw + 0.6 - 1) / 0.55),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(corrected.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(corrected.get("success_rate").asDouble());
        // measured for "refusal", not for this campaign's judge id: kept, and flagged
        assertThat(corrected.get("flagged").asBoolean()).isTrue();
        assertThat(corrected.get("notes").get(0).asText()).contains("measured for judge 'refusal'", judgeId);

        // the same calibration, measured for the campaign's own judge id; a rerun records it
        Files.writeString(dir.resolve("cal/refusal.json"), calibration(judgeId, 60, 5, 40, 95));
        double limit = raw / 2;
        CliRun rawGate = cli("attack", "--campaign", file.toString(), "--db", db, "-q", "--resume", "--fail-above",
                String.valueOf(limit), "--junit", dir.resolve("junit.xml").toString());
        CliRun correctedGate = cli("attack", "--campaign", file.toString(), "--db", db, "-q", "--resume", "--fail-above",
                String.valueOf(limit), "--gate", "corrected");

        assertThat(rawGate.exitCode()).as(rawGate.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(rawGate.err()).contains("FAIL: target often-refuses raw success rate");
        assertThat(rawGate.out()).contains("→ corrected ").doesNotContain("[flagged]");
        assertThat(correctedGate.exitCode()).as(correctedGate.err()).isEqualTo(ExitCodes.OK);

        // stats and the report, run later, read the stored calibration
        CliRun stats = cli("stats", "--db", db, "--json");
        JsonNode stored = Json.mapper().readTree(stats.out()).get("automated_campaigns").get("corrected").get(0)
                .get("judges").get(judgeId).get("corrected");
        assertThat(stored.get("success_rate").asDouble()).isEqualTo(corrected.get("success_rate").asDouble());
        JsonNode lastRun = Json.mapper().readTree(cli("attack", "--campaign", file.toString(), "--db", db, "-q", "--resume",
                "--json").out()).get("per_target").get(0).get("judges").get(judgeId).get("corrected");
        // stats corrects only the per-target rows (the others are not shown), seeded alike: the same interval
        assertThat(stored.get("ci95")).isEqualTo(lastRun.get("ci95"));
        assertThat(stored.get("flagged").asBoolean()).isFalse();
        assertThat(stored.get("calibration").get("sensitivity").asDouble()).isEqualTo(0.95);
        assertThat(cli("stats", "--db", db).out()).contains("→ corrected ");
        CliRun report = cli("analyze", "--db", db, "--out", dir.resolve("report").toString(), "--no-map");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(dir.resolve("report/index.html"))).contains("corrected for judge error (95% CI)");
        assertThat(Files.readString(dir.resolve("report/campaign-corrected.csv"))).contains("corrected_rate");

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        NodeList properties = junit.getElementsByTagName("property");
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            values.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        assertThat(Double.parseDouble(values.get("success_rate"))).isCloseTo(raw, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Double.parseDouble(values.get("corrected_success_rate")))
                .isCloseTo(corrected.get("success_rate").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void aJudgeTooCloseToChanceIsBadUsageForTheCorrectedGateBeforeAnyAttackRuns() throws Exception {
        // sensitivity 0.55, specificity 0.6: J = 0.15
        Files.writeString(dir.resolve("weak.json"), calibration("refusal", 60, 45, 40, 55));
        Path file = campaign("weak.json");
        String db = dir.resolve("w.db").toString();

        CliRun gated = cli("attack", "--campaign", file.toString(), "--db", db, "-q", "--fail-above", "0.5", "--gate", "corrected");
        CliRun plain = cli("attack", "--campaign", file.toString(), "--db", db, "--json", "-q");

        assertThat(gated.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(gated.err()).contains("--gate corrected", "0.15", "below 0.2");
        // nothing ran: the plain run after it runs every attack, and shows the refusal
        JsonNode json = Json.mapper().readTree(plain.out());
        assertThat(json.get("run_now").asInt()).isEqualTo(20);
        JsonNode corrected = json.get("per_target").get(0).get("judges").elements().next().get("corrected");
        assertThat(corrected.get("refused").asBoolean()).isTrue();
        assertThat(corrected.get("success_rate").isNull()).isTrue();
        assertThat(corrected.get("notes").get(0).asText()).startsWith("refused:");
        assertThat(cli("stats", "--db", db).out()).contains("not corrected", "Note: target often-refuses, judge refusal: refused:");
    }

    @Test
    void aCalibrationWithTooFewLabelsToBoundTheIntervalIsRefusedByTheGateBeforeAnyAttackDryRunIncluded() throws Exception {
        // sensitivity for a hit 2/4, specificity 3/4: J = 0.25, but on 8 labels many resamples are at or below chance
        Files.writeString(dir.resolve("few.json"), calibration("refusal", 3, 2, 1, 2));
        Path file = campaign("few.json");
        String db = dir.resolve("f.db").toString();

        CliRun dry = cli("attack", "--campaign", file.toString(), "--db", db, "--dry-run", "--fail-above", "0.5", "--gate", "corrected");
        CliRun gated = cli("attack", "--campaign", file.toString(), "--db", db, "-q", "--fail-above", "0.5", "--gate", "corrected");
        CliRun plain = cli("attack", "--campaign", file.toString(), "--db", db, "-q", "--brief");

        assertThat(dry.exitCode()).as(dry.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dry.err()).contains("--gate corrected", "bootstrap resamples", "too few labelled replies");
        assertThat(gated.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(gated.err()).isEqualTo(dry.err());
        // nothing ran before: the plain run runs every attack, and says why its rate is not corrected
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.err()).contains("20 run now");
        assertThat(plain.out()).contains("→ not corrected: in ").doesNotContain("corrected not corrected");
    }

    @Test
    void theTrainedClassifiersCorrectWithTheirOwnValidationUnflagged() throws Exception {
        Path file = Files.writeString(dir.resolve("shipped.yaml"), CAMPAIGN.replace("{refusal: {calibration: %s}}", "refusal"));

        CliRun run = cli("attack", "--campaign", file.toString(), "--db", dir.resolve("s.db").toString(), "-q", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode judges = Json.mapper().readTree(run.out()).at("/per_target/0/judges");
        JsonNode refusal = judges.elements().next();
        assertThat(refusal.at("/corrected/refused").asBoolean()).isFalse();
        assertThat(refusal.at("/corrected/flagged").asBoolean()).as(refusal.toString()).isFalse();
        assertThat(refusal.at("/corrected/calibration/data").asText()).contains("leave-one-model-out");
        assertThat(refusal.at("/corrected/calibration/true_hits").asInt()).isPositive();
    }

    @Test
    void theCorrectedGateNeedsACalibrationAndFailAbove() throws Exception {
        // keyword ships no calibration (the trained refusal and harm classifiers carry their validation's)
        Path file = Files.writeString(dir.resolve("plain.yaml"), CAMPAIGN.replace("{refusal: {calibration: %s}}", "keyword"));
        String db = dir.resolve("p.db").toString();

        CliRun none = cli("attack", "--campaign", file.toString(), "--db", db, "-q", "--fail-above", "0.5", "--gate", "corrected");
        CliRun alone = cli("attack", "--campaign", file.toString(), "--db", db, "-q", "--gate", "corrected");

        assertThat(none.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).contains("has no calibration", "calibration: FILE");
        assertThat(alone.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(alone.err()).contains("--fail-above");
    }

    @Test
    void aBadCalibrationFileIsBadInputNamingTheFileAndTheField() throws Exception {
        Files.writeString(dir.resolve("bad.json"), """
                {"format": "redteam4j-judge-calibration/1", "judge": "refusal", "task": "refusal", "data": "d",
                 "confusion": {"tp": 10, "fp": -1, "fn": 3, "tn": 9}}
                """);
        Path file = campaign("bad.json");

        CliRun run = cli("attack", "--campaign", file.toString(), "--db", dir.resolve("b.db").toString(), "--dry-run");
        CliRun missing = cli("attack", "--campaign", campaign("absent.json").toString(), "--db", dir.resolve("b.db").toString(),
                "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("bad.json", "confusion");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("absent.json");
    }
}
