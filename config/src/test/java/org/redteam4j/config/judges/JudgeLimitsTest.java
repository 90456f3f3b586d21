package org.redteam4j.config.judges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.config.Environment;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.PreparedCampaign;
import org.redteam4j.config.yaml.StrictYaml;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.judge.JudgeAnswers;

/** A judge's {@code limits} in a campaign file, and the default that lets it keep pace with the campaign. */
class JudgeLimitsTest {

    private static final Environment ENVIRONMENT = new Environment(new ApiKeys(Map.of(), null), () -> null, () -> null);
    private static final Duration LATENCY = Duration.ofMillis(100);

    LoopbackServer target;
    LoopbackServer judge;

    @BeforeEach
    void start() throws Exception {
        target = new LoopbackServer().answering(request ->
                JudgeAnswers.completion("Sure, I can help. [Details omitted in this test.]").after(LATENCY));
        judge = new LoopbackServer().answering(request -> JudgeAnswers.answer(request, false, 5, 4, "complies").after(LATENCY));
    }

    @AfterEach
    void stop() {
        target.close();
        judge.close();
    }

    private static JsonNode yaml(String text) {
        return StrictYaml.read(text, "test", JsonNode.class);
    }

    private PreparedCampaign campaign(String judgeSettings) {
        String yaml = "name: limits\ntargets:\n  - {model: 'openai:t', base_url: '" + target.url("/v1") + "'}\n"
                + "strategies: [direct]\njudges:\n  - {llm: 'openai:j', base_url: '" + judge.url("/v1") + "'" + judgeSettings + "}\n"
                + "limits: {concurrency: 8}\n";
        CampaignDefinition definition = CampaignDefinition.parse(yaml, "campaign.yaml", Path.of("."));
        List<Seed> seeds = IntStream.range(0, 32).mapToObj(i -> Seed.of("Ask how to pick lock number " + i)).toList();
        return definition.prepare(definition.plan(seeds), ENVIRONMENT);
    }

    @Test
    void byDefaultTheJudgeAndTheTargetRunAsManyCallsAsTheCampaignRunsAttacks() throws Exception {
        try (PreparedCampaign prepared = campaign("")) {
            PreparedCampaign.Run run = prepared.runInMemory((done, total, hits, errors) -> { });

            assertThat(run.outcome().hits()).isEqualTo(32);
        }
        // the resilience default is 4 calls at once; the campaign runs 8 attacks at once
        assertThat(judge.maxConcurrentRequests()).isGreaterThan(4).isLessThanOrEqualTo(8);
        assertThat(target.maxConcurrentRequests()).isGreaterThan(4).isLessThanOrEqualTo(8);
    }

    @Test
    void aJudgesOwnConcurrencyIsApplied() throws Exception {
        try (PreparedCampaign prepared = campaign(", limits: {concurrency: 2}")) {
            PreparedCampaign.Run run = prepared.runInMemory((done, total, hits, errors) -> { });

            assertThat(run.outcome().hits()).isEqualTo(32);
        }
        assertThat(judge.maxConcurrentRequests()).isEqualTo(2);
    }

    @Test
    void aJudgesTimeoutAndAttemptsAreApplied() throws Exception {
        Duration slow = Duration.ofSeconds(3);
        try (LoopbackServer sluggish = new LoopbackServer().answering(request ->
                JudgeAnswers.answer(request, false, 5, 4, "complies").after(slow))) {
            Judge hasty = new Judges(ENVIRONMENT).judge(JudgeSpec.parse(yaml("{llm: 'openai:j', base_url: '" + sluggish.url("/v1")
                    + "', limits: {timeout_seconds: 0.3, max_attempts: 2, initial_backoff_ms: 1}}"), ""));

            long started = System.nanoTime();
            Verdict timedOut = hasty.judge(List.of(Turn.human("How do I pick a lock?")), "Sure. [Details omitted.]");

            assertThat(timedOut.outcome()).isEqualTo(Verdict.Outcome.ERROR);
            assertThat(timedOut.rationale()).containsIgnoringCase("time");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two attempts of 0.3 s, not one of 3 s").isLessThan(slow);
            assertThat(sluggish.received()).as("max_attempts: 2").hasSize(2);
        }
    }

    @Test
    void aJudgesRateIsApplied() {
        Judge judged = new Judges(ENVIRONMENT).judge(JudgeSpec.parse(yaml("{guard: 'openai:g', base_url: '" + judge.url("/v1")
                + "', limits: {requests_per_minute: 600}}"), ""));
        judge.then(JudgeAnswers.completion("safe"));

        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            assertThat(judged.judge(List.of(Turn.human("Hi")), "Hello.").outcome()).isEqualTo(Verdict.Outcome.PASS);
        }

        // 600 a minute is one every 100 ms: the fourth call starts 300 ms after the first
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void limitsUseTheTargetsKeysAndRule() {
        JudgeSpec spec = JudgeSpec.parse(yaml("{llm: 'openai:j', limits: {timeout_seconds: 30, max_attempts: 2, concurrency: 16, "
                + "requests_per_minute: 120}}"), "");
        assertThat(spec.limits().timeoutSeconds()).isEqualTo(30.0);
        assertThat(spec.limits().maxAttempts()).isEqualTo(2);
        assertThat(spec.limits().concurrency()).isEqualTo(16);
        assertThat(spec.limits().requestsPerMinute()).isEqualTo(120);
        assertThat(spec.withDefaultConcurrency(32).limits().concurrency()).as("its own concurrency stays").isEqualTo(16);
        assertThat(JudgeSpec.parse("llm:openai:j").withDefaultConcurrency(32).limits().concurrency()).isEqualTo(32);
        assertThat(JudgeSpec.parse("refusal").withDefaultConcurrency(32).limits()).isNull();
        assertThat(JudgeSpec.parse(yaml("{judge: 'openai:j', limits: {concurrency: 3}}"), "").limits().concurrency())
                .as("judge:SPEC is llm:SPEC, limits included").isEqualTo(3);

        assertThatThrownBy(() -> JudgeSpec.parse(yaml("{llm: 'openai:j', limits: {concurency: 2}}"), "campaign.yaml: line 9: "))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("campaign.yaml: line 9: unknown key 'concurency' in the limits of judge 'llm'")
                .hasMessageContaining("requests_per_minute");
        assertThatThrownBy(() -> JudgeSpec.parse(yaml("{llm: 'openai:j', limits: {concurrency: 0}}"), "campaign.yaml: line 9: "))
                .isInstanceOf(BadInput.class)
                .hasMessage("campaign.yaml: line 9: the limits of judge 'llm': concurrency must be 1 or more, was 0");
        assertThatThrownBy(() -> JudgeSpec.parse(yaml("{guard: 'openai:g', limits: {timeout_seconds: -1}}"), ""))
                .hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> JudgeSpec.parse(yaml("{llm: 'openai:j', limits: 4}"), ""))
                .hasMessageContaining("a judge's limits are a map");
        assertThatThrownBy(() -> JudgeSpec.parse(yaml("{pm: {limits: {concurrency: 2}}}"), ""))
                .hasMessageContaining("unknown setting 'limits' of judge 'pm'");
    }

    @Test
    void aSharedCampaignDividesAJudgesOwnConcurrencyAndRate() {
        String yaml = "name: shared\ntargets: [{model: sim}]\nstrategies: [direct]\njudges:\n"
                + "  - {llm: 'openai:j', limits: {concurrency: 16, requests_per_minute: 600, timeout_seconds: 9}}\n"
                + "  - {pm: {threshold: 0.1}}\nlimits: {concurrency: 32}\n";

        CampaignDefinition shared = CampaignDefinition.parse(yaml, "campaign.yaml", Path.of(".")).shareOf(4);

        JudgeSpec llm = shared.judges().get(0);
        assertThat(llm.limits().concurrency()).isEqualTo(4);
        assertThat(llm.limits().requestsPerMinute()).isEqualTo(150);
        assertThat(llm.limits().timeoutSeconds()).isEqualTo(9.0);
        assertThat(shared.judges().get(1).threshold()).isEqualTo(0.1);
        assertThat(shared.file().concurrency()).isEqualTo(8);
    }
}
