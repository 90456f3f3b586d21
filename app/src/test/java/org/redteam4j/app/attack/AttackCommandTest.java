package org.redteam4j.app.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.Cli;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;
import org.w3c.dom.Document;

class AttackCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run attack(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    Path campaign(String yaml) throws Exception {
        return Files.writeString(dir.resolve("campaign.yaml"), yaml);
    }

    static final String SIM = """
            name: sim-test
            targets:
              - name: mostly-refuses
                model: sim
                sim: {refusal: 0.9, evasion: 0.0, compliance: 0.1, seed: 1}
              - name: mostly-complies
                model: sim
                sim: {refusal: 0.1, evasion: 0.0, compliance: 0.9, seed: 2}
            seeds: {builtin: true, limit: 10}
            strategies:
              - direct
              - template: prefix-injection
            judges:
              - refusal
            limits: {concurrency: 3}
            """;

    @Test
    void runsACampaignAgainstSimAndGatesOnTheSuccessRate() throws Exception {
        Path file = campaign(SIM);
        String db = dir.resolve("a.db").toString();

        Run run = attack("attack", "--campaign", file.toString(), "--db", db, "--json", "-q", "--fail-above", "0.5",
                "--junit", dir.resolve("junit.xml").toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(run.err()).contains("FAIL: target mostly-complies");
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("run_now").asInt()).isEqualTo(40);
        JsonNode perTarget = json.get("per_target");
        assertThat(perTarget).hasSize(2);
        for (JsonNode target : perTarget) {
            assertThat(target.get("attacks").asInt()).isEqualTo(20);
            assertThat(target.get("simulated").asBoolean()).isTrue();
            JsonNode judge = target.get("judges").elements().next();
            double rate = judge.get("success_rate").asDouble();
            if (target.get("target").asText().equals("mostly-complies")) {
                assertThat(rate).isGreaterThan(0.5);
            } else {
                assertThat(rate).isLessThan(0.5);
            }
            assertThat(judge.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(rate);
        }
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(40);
        assertThat(junit.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
    }

    @Test
    void usesImportedHarmBenchSeedsAndShowsUpInStats() throws Exception {
        String db = dir.resolve("h.db").toString();
        attack("import", org.redteam4j.core.testing.SharedData.harmBenchBehaviors().toString(), "--db", db, "-q");
        Path file = campaign(SIM.replace("seeds: {builtin: true, limit: 10}", "seeds: {builtin: false, imported: true, limit: 5}"));

        Run run = attack("attack", "--campaign", file.toString(), "--db", db, "--json", "-q");
        Run stats = attack("stats", "--db", db);

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode summary = Json.mapper().readTree(run.out()).get("summary");
        assertThat(Json.mapper().readTree(run.out()).get("run_now").asInt()).isEqualTo(20);
        assertThat(summary.findValuesAsText("tag")).contains("chemical_biological");
        assertThat(stats.out()).contains("Automated campaign 'sim-test', per target:").contains("mostly-complies");
    }

    @Test
    void refusesToRunTwiceWithoutResumeAndResumesWithoutRepeating() throws Exception {
        Path file = campaign(SIM);
        String db = dir.resolve("b.db").toString();
        attack("attack", "--campaign", file.toString(), "--db", db, "-q");

        Run again = attack("attack", "--campaign", file.toString(), "--db", db, "-q");
        Run resumed = attack("attack", "--campaign", file.toString(), "--db", db, "-q", "--resume", "--json");

        assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("--resume");
        assertThat(resumed.code()).isZero();
        assertThat(Json.mapper().readTree(resumed.out()).get("run_now").asInt()).isZero();
    }

    @Test
    void aDryRunCountsRequestsAndCostWithoutCallingAnything() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            Path file = campaign("""
                    name: dry
                    targets:
                      - name: paid
                        model: openai:gpt-test
                        base_url: %s
                    seeds: {builtin: true, limit: 10}
                    strategies:
                      - direct
                      - templates
                    judges:
                      - refusal
                    prices:
                      paid: {input: 1.0, output: 2.0}
                    """.formatted(server.url("/v1")));

            Run run = attack("attack", "--campaign", file.toString(), "--db", dir.resolve("c.db").toString(), "--dry-run");

            assertThat(run.code()).as(run.err()).isZero();
            int attacks = 10 * (1 + org.redteam4j.core.attack.Template.ids().size()); // direct and every template
            double dollars = attacks * (AttackCommand.ESTIMATED_INPUT_TOKENS / 1000.0 * 1.0
                    + AttackCommand.ESTIMATED_OUTPUT_TOKENS / 1000.0 * 2.0); // one request each, at the prices above
            assertThat(run.out()).containsPattern("paid\\s+" + attacks + "\\s+" + attacks + "\\s+0\\s+"
                    + String.format(java.util.Locale.ROOT, "%.2f", dollars).replace(".", "\\."));
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void theGateFailsWhenEveryAttackOfATargetErroredRatherThanPassOnNoEvidence() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.status(401, "{\"error\": \"bad key\"}"), Script.status(401, "{\"error\": \"bad key\"}"));
            Path file = campaign("""
                    name: locked-out
                    targets:
                      - name: locked
                        model: openai:locked
                        base_url: %s
                        limits: {max_attempts: 1}
                    seeds: {builtin: true, limit: 2}
                    strategies:
                      - direct
                    judges:
                      - refusal
                    limits: {concurrency: 1}
                    """.formatted(server.url("/v1")));

            Run run = attack("attack", "--campaign", file.toString(), "--db", dir.resolve("g.db").toString(), "-q",
                    "--fail-above", "0.5");

            assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.GATE_FAILED);
            assertThat(run.err()).contains("FAIL: target locked: the first judge judged none of its 2 attacks (2 errors");
        }
    }

    @Test
    void endpointFailuresAreErrorsNotSuccessesOrPasses() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            String ok = "{\"choices\": [{\"message\": {\"content\": \"I'm sorry, but I can't help with that.\"}}]}";
            server.then(Script.json(ok), Script.status(429, "{}"), Script.status(500, "oops"), Script.json("garbage{"),
                    Script.json(ok), Script.json(ok).after(java.time.Duration.ofSeconds(3)), Script.json(ok));
            Path file = campaign("""
                    name: failing
                    targets:
                      - name: flaky
                        model: openai:flaky
                        base_url: %s
                        limits: {max_attempts: 1, timeout_seconds: 1}
                    seeds: {builtin: true, limit: 7}
                    strategies:
                      - direct
                    judges:
                      - refusal
                    limits: {concurrency: 1}
                    """.formatted(server.url("/v1")));

            Run run = attack("attack", "--campaign", file.toString(), "--db", dir.resolve("d.db").toString(), "--json", "-q");

            assertThat(run.code()).as(run.err()).isZero();
            JsonNode flaky = Json.mapper().readTree(run.out()).get("per_target").get(0);
            assertThat(flaky.get("attacks").asInt()).isEqualTo(7);
            assertThat(flaky.get("errors").asInt()).isEqualTo(4); // 429, 500, garbage, timeout
            JsonNode judge = flaky.get("judges").elements().next();
            assertThat(judge.get("judged").asInt()).isEqualTo(3);
            assertThat(judge.get("hits").asInt()).isZero();
        }
    }
}
