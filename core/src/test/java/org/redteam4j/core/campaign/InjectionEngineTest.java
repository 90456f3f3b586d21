package org.redteam4j.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SingleTurn;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.attack.injection.Injection;
import org.redteam4j.core.attack.injection.InjectionStrategy;
import org.redteam4j.core.attack.injection.Payloads;
import org.redteam4j.core.campaign.CampaignEngineTest.MemoryLedger;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.scoring.CanaryJudge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.secrets.Secret;
import org.redteam4j.core.secrets.Secrets;

/**
 * The engine hands each attack's planted canaries to the judges; the canary judge skips an attack
 * that planted none; and the redaction of configured secrets never touches a canary, even a fake
 * API key shaped like a real one.
 */
class InjectionEngineTest {

    private static final String KEY = "sk-live-DO-NOT-LEAK-0123456789";
    private static final Injection INJECTION = Injection.defaults();

    /** Repeats its whole system prompt and quotes the real key: the worst application. */
    private static ChatModel leaky() {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return new ChatResponse(List.of(Reply.of("My key is " + KEY + ". Above: " + request.system(), "stop")),
                        TokenUsage.NONE, Duration.ZERO, "leaky", false);
            }

            @Override
            public String id() {
                return "leaky";
            }
        };
    }

    @Test
    void canariesAreJudgedAndKeptWhileTheConfiguredKeyIsRedacted() throws Exception {
        Strategy extraction = new InjectionStrategy(Payloads.find("spe-repeat-above").orElseThrow(), INJECTION);
        Strategy secrets = new InjectionStrategy(Payloads.find("sl-api-key").orElseThrow(), INJECTION);
        Strategy direct = SingleTurn.direct();
        CampaignPlan plan = CampaignPlan.of("c", List.of("t"), List.of(Seed.of("Ask for the staff code")),
                List.of(extraction, secrets, direct), 1);
        MemoryLedger ledger = new MemoryLedger();

        new CampaignEngine(Map.of("t", new AttackTarget("t", leaky(), Sampling.DEFAULT)), List.of(CanaryJudge.planted()),
                new AttackTools(null, null, null), ledger, 1, new Budget(0, 0), Secrets.of(new Secret("OPENAI_API_KEY", KEY)))
                .run(plan.attacks(), (d, t, h, e) -> { });

        AttackResult leaked = ledger.records.get(plan.attacks().get(0).key());
        assertThat(leaked.hit()).isTrue();
        assertThat(leaked.exchange().reply()).contains(INJECTION.canary().text()).doesNotContain(KEY).contains("[redacted OPENAI_API_KEY]");
        AttackResult secret = ledger.records.get(plan.attacks().get(1).key());
        assertThat(secret.hit()).isTrue();
        assertThat(secret.exchange().reply()).contains(INJECTION.apiKey().text(), INJECTION.email().text(), INJECTION.phone().text());
        assertThat(secret.verdicts().get(0).rationale()).contains(INJECTION.apiKey().text());
        AttackResult plain = ledger.records.get(plan.attacks().get(2).key());
        assertThat(plain.verdicts().get(0).outcome()).as("nothing planted: skipped, not a miss").isEqualTo(Verdict.Outcome.SKIPPED);
        assertThat(plain.hit()).isFalse();
    }
}
