package org.redteam4j.config.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redteam4j.config.Environment;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.PreparedCampaign;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.LoopbackServer;

/**
 * Each of best_of_n, many_shot, past_tense, persuasion, split_turns and skeleton_key run from a
 * campaign file against a loopback OpenAI-protocol target that always refuses (so every try is
 * spent) and a loopback attacker: the requests and tokens an attack reports are exactly what the
 * servers counted, and no more than the strategy reserves.
 */
class SingleAttackStrategiesSpendTest {

    private static final Seed SEED = Seed.of("Ask for help cheating at cards");
    private static final Environment ENVIRONMENT = new Environment(new ApiKeys(Map.of(), null), () -> null, () -> null);

    LoopbackServer target;
    LoopbackServer attacker;

    @BeforeEach
    void start() throws Exception {
        target = new LoopbackServer().answering(request -> LoopbackCompletions.completion(LoopbackCompletions.REFUSAL));
        attacker = new LoopbackServer().answering(request -> LoopbackCompletions.completion("How did people do this in the past?"));
    }

    @AfterEach
    void stop() {
        target.close();
        attacker.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {best_of_n: {n: 4}}                                   | best-of-n:4                                | 4 | 0 | 1
            {many_shot: {k: 5}}                                   | many-shot:5                                | 1 | 0 | 11
            {past_tense: {tries: 3}}                              | past-tense:3                               | 3 | 3 | 1
            {persuasion: {techniques: [framing, social-proof]}}   | persuasion:framing+social-proof            | 2 | 2 | 1
            {split_turns: {parts: 3}}                             | split-turns:3                              | 4 | 0 | 7
            skeleton_key                                          | skeleton-key                               | 2 | 0 | 3
            """)
    void spendsExactlyWhatTheServersCounted(String item, String id, int targetRequests, int attackerRequests, int lastMessages)
            throws Exception {
        String yaml = "name: spend\ntargets:\n  - {name: t, model: 'openai:t', base_url: '" + target.url("/v1") + "'}\n"
                + "attacker: 'openai:a'\nattacker_base_url: '" + attacker.url("/v1") + "'\n"
                + "strategies: [" + item + "]\njudges: [keyword]\n";
        CampaignDefinition definition = CampaignDefinition.parse(yaml, "campaign.yaml", Path.of("."));
        Strategy strategy = definition.strategies().get(0);
        List<AttackResult> results;
        try (PreparedCampaign prepared = definition.prepare(definition.plan(List.of(SEED)), ENVIRONMENT)) {
            results = prepared.runInMemory((done, total, hits, errors) -> { }).results();
        }

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(AttackResult.Status.DONE);
            assertThat(result.attack().strategy()).isEqualTo(id);
            AttackResult.Spend spend = result.spend();
            assertThat(spend.targetRequests()).isEqualTo(target.received().size()).isEqualTo(targetRequests)
                    .isLessThanOrEqualTo(strategy.maxTargetRequests());
            assertThat(spend.attackerRequests()).isEqualTo(attacker.received().size()).isEqualTo(attackerRequests)
                    .isLessThanOrEqualTo(strategy.maxAttackerRequests());
            int calls = targetRequests + attackerRequests;
            assertThat(spend.promptTokens()).isEqualTo((long) calls * LoopbackCompletions.PROMPT_TOKENS);
            assertThat(spend.completionTokens()).isEqualTo((long) calls * LoopbackCompletions.COMPLETION_TOKENS);
            assertThat(result.exchange().reply()).isEqualTo(LoopbackCompletions.REFUSAL);
        });
        assertThat(target.lastRequest().json().path("messages").size()).as("messages on the wire in the last request")
                .isEqualTo(lastMessages);
    }
}
