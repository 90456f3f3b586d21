package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.convert.ConverterSettings;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.RefusalDetector;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.testing.RecordingModel;
import org.redteam4j.core.transcript.Turn;

class StrategyTest {

    private static final Seed SEED = Seed.of("Ask for help cheating at cards");

    @Test
    void convertersEncodeRecoverablyAndChain() {
        String base64 = Converters.byId("base64", null).convert("hello", null);
        String rot13 = Converters.byId("rot13", null).convert("Hello, World", null);

        assertThat(new String(Base64.getDecoder().decode(base64.substring(base64.lastIndexOf('\n') + 1)), StandardCharsets.UTF_8))
                .isEqualTo("hello");
        assertThat(rot13).endsWith("Uryyb, Jbeyq");
        assertThat(Converters.byId("leetspeak", null).convert("steal notes", null)).isEqualTo("5734l n0735");
        assertThat(Converters.byId("homoglyphs", null).convert("cape", null)).isEqualTo("саре").isNotEqualTo("cape");
        assertThat(Converters.byId("spacing", null).convert("abc", null)).isEqualTo("a b c");
    }

    @Test
    void translationAsksTheAttackerAndUsesItsAnswer() {
        RecordingModel attacker = new RecordingModel(true);

        String translated = Converters.byId("translate", ConverterSettings.DEFAULTS.withLanguage("German")).convert("steal a bike", attacker);

        assertThat(translated).isEqualTo("reply 1");
        assertThat(attacker.requests().get(0).turns().get(0).text()).contains("German").contains("steal a bike");
    }

    @Test
    void singleTurnStrategiesSendOneMessage() {
        RecordingModel target = new RecordingModel(true);

        AttackRun direct = SingleTurn.direct().run(SEED, target, Sampling.DEFAULT, new AttackTools(null, null, null));
        AttackRun templated = SingleTurn.template(Template.byId("role-play")).run(SEED, target, Sampling.DEFAULT,
                new AttackTools(null, null, null));
        AttackRun converted = SingleTurn.converted(List.of(Converters.byId("rot13", null), Converters.byId("spacing", null)))
                .run(SEED, target, Sampling.DEFAULT, new AttackTools(null, null, null));

        assertThat(direct.prompt()).isEqualTo(SEED.text());
        assertThat(direct.reply()).isEqualTo("reply 1");
        assertThat(templated.prompt()).contains("Max").contains(SEED.text());
        assertThat(converted.prompt()).doesNotContain("cheating").contains("R");
        assertThat(SingleTurn.converted(List.of(Converters.byId("base64", null))).id()).isEqualTo("converters:base64");
        assertThat(target.requests()).hasSize(3);
    }

    @Test
    void everyTemplateHasItsPlaceholder() {
        for (String id : Template.ids()) {
            assertThat(Template.byId(id).text()).as(id).contains("{request}");
            assertThat(Template.byId(id).apply("X-REQUEST")).contains("X-REQUEST").doesNotContain("{request}");
        }
    }

    @Test
    void iterativeStopsAtTheFirstHitAndFeedsBackTheJudgesReason() {
        RecordingModel target = new RecordingModel(true);
        RecordingModel attacker = new RecordingModel(true);
        AtomicInteger judged = new AtomicInteger();
        Judge hitsOnThird = judge((context, reply) -> judged.incrementAndGet() == 3
                ? Verdict.judged(false, 5, 3, "complied", 4, "test") : Verdict.judged(true, 1, 1, "refused", 4, "test"));

        AttackRun run = new Iterative(2, 3).run(SEED, target, Sampling.DEFAULT, new AttackTools(attacker, hitsOnThird, null));

        assertThat(run.targetRequests()).isEqualTo(3);
        assertThat(attacker.requests()).as("the attacker proposed three times; the engine's meter counts them").hasSize(3);
        assertThat(run.attackerRequests()).as("a strategy reports only the target's side").isZero();
        assertThat(attacker.requests().get(1).turns().get(0).text()).contains("refused");
        assertThat(run.conversation()).hasSize(2);
    }

    @Test
    void multiTurnBacktracksWhenRefused() {
        RecordingModel target = new RecordingModel(true);
        RecordingModel attacker = new RecordingModel(true);
        AtomicInteger calls = new AtomicInteger();
        RefusalDetector secondRefused = detector(reply -> calls.incrementAndGet() == 2);

        AttackRun run = new MultiTurn(3, 1, false, false).run(SEED, target, Sampling.DEFAULT,
                new AttackTools(attacker, null, secondRefused));

        assertThat(run.conversation()).hasSize(6); // three exchanges kept
        assertThat(run.targetRequests()).isEqualTo(4); // one was dropped and retried
        assertThat(attacker.requests().get(2).turns().get(0).text()).contains("refused");
    }

    @Test
    void strategiesCountEveryRequestAResponseTookNotOnePerCall() {
        RecordingModel recording = new RecordingModel(true);
        // a stateful application replayed to on every call: a response takes one request per human turn
        org.redteam4j.core.chat.ChatModel replayed = new org.redteam4j.core.chat.ForwardingChatModel(recording) {
            @Override
            public org.redteam4j.core.chat.ChatResponse chat(org.redteam4j.core.chat.ChatRequest request) {
                org.redteam4j.core.chat.ChatResponse response = model.chat(request);
                int humans = (int) request.turns().stream()
                        .filter(t -> t.speaker() == org.redteam4j.core.transcript.Speaker.HUMAN).count();
                return new org.redteam4j.core.chat.ChatResponse(response.replies(), response.usage(), response.latency(),
                        response.model(), false, humans);
            }
        };
        AtomicInteger calls = new AtomicInteger();
        RefusalDetector secondRefused = detector(reply -> calls.incrementAndGet() == 2);

        AttackRun run = new MultiTurn(3, 1, false, false).run(SEED, replayed, Sampling.DEFAULT,
                new AttackTools(new RecordingModel(true), null, secondRefused));

        assertThat(recording.requests()).hasSize(4);
        assertThat(run.targetRequests()).isEqualTo(1 + 2 + 2 + 3); // each call's human turns: 1, 2 (refused), 2, 3
    }

    static Judge judge(java.util.function.BiFunction<List<Turn>, String, Verdict> verdict) {
        return new Judge() {
            @Override
            public Verdict judge(List<Turn> context, String reply) {
                return verdict.apply(context, reply);
            }

            @Override
            public String id() {
                return "test";
            }
        };
    }

    static RefusalDetector detector(java.util.function.Predicate<String> refuses) {
        return new RefusalDetector() {
            @Override
            public RefusalVerdict detect(List<Turn> context, String reply) {
                boolean r = refuses.test(reply);
                return new RefusalVerdict(r, r ? 1 : 0, "test");
            }

            @Override
            public String id() {
                return "test";
            }
        };
    }
}
