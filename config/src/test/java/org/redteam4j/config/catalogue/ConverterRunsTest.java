package org.redteam4j.config.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.redteam4j.config.Environment;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.PreparedCampaign;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Entry;
import org.redteam4j.core.catalogue.Kind;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.testing.RecordingModel;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

/**
 * Every converter of the catalogue, from its own example in a campaign file, attacks a loopback
 * OpenAI-compatible target (with a loopback attacker for the rewrites): the stored spend is exactly
 * what the two servers counted, within what the strategy reserves, and the target got the converted prompt.
 */
class ConverterRunsTest {

    private static final Environment ENVIRONMENT = new Environment(new ApiKeys(Map.of(), null), () -> null, () -> null);
    private static final String SEED = "Ask for help cheating at cards";
    private static final String REWRITE = "A rewritten request about cheating at cards";

    private static LoopbackServer target;
    private static LoopbackServer attacker;

    @BeforeAll
    static void start() throws Exception {
        target = new LoopbackServer().answering(request -> completion("I cannot help with that.", 7, 3));
        attacker = new LoopbackServer().answering(request -> completion(REWRITE, 11, 5));
    }

    @AfterAll
    static void stop() {
        target.close();
        attacker.close();
    }

    /** A chat completion with its usage, as an OpenAI-compatible server writes it. */
    private static Script completion(String content, int promptTokens, int completionTokens) {
        return Script.chatCompletion(content, promptTokens, completionTokens);
    }

    @TestFactory
    Stream<DynamicTest> everyConverterSpendsExactlyWhatTheServersCounted() {
        return Catalogue.of(Kind.CONVERTER).stream().map(entry -> DynamicTest.dynamicTest(entry.id(), () -> runs(entry)));
    }

    private static void runs(Entry entry) throws Exception {
        int targetBefore = target.received().size();
        int attackerBefore = attacker.received().size();
        String yaml = "name: converter-" + entry.id() + "\n"
                + "targets:\n  - {name: t, model: 'openai:t', base_url: '" + target.url("/v1") + "'}\n"
                + "attacker: 'openai:a'\nattacker_base_url: '" + attacker.url("/v1") + "'\n"
                + "strategies: [" + entry.example() + "]\njudges: [keyword]\n";
        CampaignDefinition definition = CampaignDefinition.parse(yaml, "converters.yaml", Path.of("."));
        Strategy strategy = definition.strategies().get(0);

        List<AttackResult> results;
        try (PreparedCampaign prepared = definition.prepare(definition.plan(List.of(Seed.of(SEED))), ENVIRONMENT)) {
            results = prepared.runInMemory((done, total, hits, errors) -> { }).results();
        }

        int targetCalls = target.received().size() - targetBefore;
        int attackerCalls = attacker.received().size() - attackerBefore;
        AttackResult result = results.get(0);
        assertThat(results).hasSize(1);
        assertThat(result.status()).as(result.error()).isEqualTo(AttackResult.Status.DONE);
        assertThat(targetCalls).isEqualTo(1);
        assertThat(attackerCalls).isEqualTo(entry.needs(Need.ATTACKER) ? 1 : 0);
        assertThat(result.spend()).isEqualTo(new AttackResult.Spend(targetCalls, attackerCalls,
                7L * targetCalls + 11L * attackerCalls, 3L * targetCalls + 5L * attackerCalls));
        assertThat(result.spend().targetRequests()).isLessThanOrEqualTo(strategy.maxTargetRequests());
        assertThat(result.spend().attackerRequests()).isEqualTo(strategy.maxAttackerRequests());

        String sent = target.lastRequest().lastMessage();
        assertThat(result.exchange().prompt()).isEqualTo(sent);
        if (entry.needs(Need.ATTACKER)) {
            assertThat(sent).isEqualTo(REWRITE);
            assertThat(attacker.lastRequest().body()).contains(SEED);
        } else {
            // the converter is deterministic: run in-process, it makes the very prompt the target got
            String inProcess = strategy.run(Seed.of(SEED), new RecordingModel(true), Sampling.DEFAULT,
                    new AttackTools(null, null, null)).prompt();
            assertThat(sent).isEqualTo(inProcess);
        }
    }
}
