package org.redteam4j.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.Converters;
import org.redteam4j.core.attack.convert.ConverterSettings;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SingleTurn;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.ServerErrorException;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.testing.RecordingModel;
import org.redteam4j.core.transcript.Turn;

class CampaignEngineTest {

    /** A ledger in memory. */
    static final class MemoryLedger implements AttackLedger {
        final Map<String, AttackResult> records = new ConcurrentHashMap<>();
        final List<PlannedAttack> notRun = new CopyOnWriteArrayList<>();

        @Override
        public Set<String> finishedKeys() {
            return Set.copyOf(records.keySet());
        }

        @Override
        public void record(AttackResult record) {
            if (records.putIfAbsent(record.attack().key(), record) != null) {
                throw new AssertionError("recorded twice: " + record.attack().key());
            }
        }

        @Override
        public void notRun(Collection<PlannedAttack> attacks) {
            notRun.addAll(attacks);
        }
    }

    /** Fails every n-th call with a server error; otherwise complies or refuses by the message. */
    static class FlakyModel implements ChatModel {
        final AtomicInteger calls = new AtomicInteger();
        final int failEvery;

        FlakyModel(int failEvery) {
            this.failEvery = failEvery;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            int call = calls.incrementAndGet();
            if (failEvery > 0 && call % failEvery == 0) {
                throw new ServerErrorException("flaky: HTTP 500", 500);
            }
            String message = request.turns().get(request.turns().size() - 1).text();
            String reply = message.contains("comply") ? "Sure, [details omitted]." : "I'm sorry, I can't help with that.";
            return new ChatResponse(List.of(Reply.of(reply, "stop")), new TokenUsage(10, 5), Duration.ZERO, "flaky", false);
        }

        @Override
        public String id() {
            return "flaky";
        }
    }

    static final Judge COMPLIES = new Judge() {
        @Override
        public Verdict judge(List<Turn> context, String reply) {
            boolean refused = reply.startsWith("I'm sorry");
            return new Verdict(refused ? Verdict.Outcome.PASS : Verdict.Outcome.HIT, refused, null, null, "test", 0, "test");
        }

        @Override
        public String id() {
            return "test";
        }
    };

    static List<PlannedAttack> plan(int n) {
        List<PlannedAttack> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Seed seed = Seed.of(i % 2 == 0 ? "please comply " + i : "please refuse " + i);
            plan.add(new PlannedAttack(PlannedAttack.key("c", "t", "s" + i, "direct", 0), "t", seed, "Theft", SingleTurn.direct(), 0));
        }
        return plan;
    }

    static CampaignEngine engine(ChatModel model, AttackLedger ledger, Budget budget) {
        return new CampaignEngine(Map.of("t", new AttackTarget("t", model, Sampling.DEFAULT)), List.of(COMPLIES),
                new AttackTools(null, null, null), ledger, 4, budget);
    }

    @Test
    void whatTheAttackerSpendsInAConverterIsCountedAndBudgeted() throws Exception {
        MemoryLedger ledger = new MemoryLedger();
        RecordingModel attacker = new RecordingModel(true);
        Strategy translated = SingleTurn.converted(List.of(Converters.byId("translate", ConverterSettings.DEFAULTS.withLanguage("German"))));
        PlannedAttack attack = new PlannedAttack(PlannedAttack.key("c", "t", "s", translated.id(), 0), "t",
                Seed.of("please comply"), "Theft", translated, 0);
        Budget budget = new Budget(0, 0);

        new CampaignEngine(Map.of("t", new AttackTarget("t", new FlakyModel(0), Sampling.DEFAULT)), List.of(COMPLIES),
                new AttackTools(attacker, null, null), ledger, 1, budget).run(List.of(attack), (d, t, h, e) -> { });

        AttackResult result = ledger.records.get(attack.key());
        assertThat(attacker.requests()).hasSize(1);
        assertThat(result.spend().attackerRequests()).isEqualTo(1);
        assertThat(result.spend().targetRequests()).isEqualTo(1);
        assertThat(result.spend().promptTokens()).as("target 10 + attacker 10").isEqualTo(20);
        assertThat(budget.tokensSpent()).as("the translation's tokens count against max_tokens").isEqualTo(10 + 5 + 10 + 1);
        assertThat(budget.requestsSpent()).isEqualTo(2);
    }

    @Test
    void countsHitsAndErrorsApartAndNeverAsEachOther() throws Exception {
        MemoryLedger ledger = new MemoryLedger();

        CampaignEngine.Outcome outcome = engine(new FlakyModel(5), ledger, new Budget(0, 0)).run(plan(100), (d, t, h, e) -> { });

        assertThat(outcome.finished()).isEqualTo(100);
        assertThat(outcome.errors()).isEqualTo(20);
        long hits = ledger.records.values().stream().filter(r -> r.outcome().orElseThrow() == Verdict.Outcome.HIT).count();
        long passes = ledger.records.values().stream().filter(r -> r.outcome().orElseThrow() == Verdict.Outcome.PASS).count();
        assertThat(hits + passes + outcome.errors()).isEqualTo(100);
        assertThat(outcome.hits()).isEqualTo(hits);
        assertThat(ledger.records.values().stream().filter(r -> r.status() == AttackResult.Status.ERROR))
                .allSatisfy(r -> assertThat(r.error()).contains("HTTP 500"));
    }

    @Test
    void aBudgetStopsCleanlyAndTheRestIsMarkedNotRun() throws Exception {
        MemoryLedger ledger = new MemoryLedger();

        CampaignEngine.Outcome outcome = engine(new FlakyModel(0), ledger, new Budget(30, 0)).run(plan(100), (d, t, h, e) -> { });

        assertThat(outcome.finished()).isEqualTo(30);
        assertThat(outcome.notRun()).isEqualTo(70);
        assertThat(ledger.notRun).hasSize(70);
        assertThat(ledger.records).hasSize(30);
    }

    @Test
    void anAttackReservesWhatItsTargetMayTakePerCallSoTheBudgetHoldsForAReplayingTarget() throws Exception {
        MemoryLedger ledger = new MemoryLedger();
        FlakyModel replaying = new FlakyModel(0) {
            @Override
            public int maxRequestsPerCall(int humanTurns) {
                return 3; // a stateful application may replay the conversation into a new session
            }
        };
        Budget budget = new Budget(30, 0);

        CampaignEngine.Outcome outcome = new CampaignEngine(Map.of("t", new AttackTarget("t", replaying, Sampling.DEFAULT)),
                List.of(COMPLIES), new AttackTools(null, null, null), ledger, 1, budget).run(plan(100), (d, t, h, e) -> { });

        // each attack reserves 3 and spends 1: the 29th would need 28 + 3 > 30
        assertThat(outcome.finished()).isEqualTo(28);
        assertThat(outcome.notRun()).isEqualTo(72);
        assertThat(budget.requestsSpent()).isEqualTo(28);
    }

    @Test
    void resumingSkipsWhatFinished() throws Exception {
        MemoryLedger ledger = new MemoryLedger();
        FlakyModel model = new FlakyModel(0);
        engine(model, ledger, new Budget(40, 0)).run(plan(100), (d, t, h, e) -> { });

        CampaignEngine.Outcome resumed = engine(model, ledger, new Budget(0, 0)).run(plan(100), (d, t, h, e) -> { });

        assertThat(resumed.skipped()).isEqualTo(40);
        assertThat(resumed.finished()).isEqualTo(60);
        assertThat(ledger.records).hasSize(100);
        assertThat(model.calls.get()).isEqualTo(100);
    }
}
