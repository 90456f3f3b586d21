package org.redteam4j.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.AttackRun;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.AttackTrace;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.transcript.Turn;

/**
 * Every judge of a campaign is handed the whole conversation of a multi-turn attack — every turn
 * before the judged reply, and the reply — and the attacker's view of it is kept with the result;
 * what each judge then reads of it is its own affair (JudgesReadTheConversationTest in models).
 */
class JudgesSeeTheConversationTest {

    /** Three exchanges with the target, the first of which a backtrack dropped from what the target saw. */
    private static final class ThreeTurns implements Strategy {

        @Override
        public AttackRun run(Seed seed, ChatModel target, Sampling sampling, AttackTools tools) {
            int requests = 0;
            TokenUsage usage = TokenUsage.NONE;
            List<Turn> conversation = new java.util.ArrayList<>();
            for (String message : List.of("opening on the topic", "a step closer", seed.text())) {
                conversation.add(Turn.human(message));
                ChatResponse answer = target.chat(ChatRequest.of(conversation, sampling));
                requests += answer.requests();
                usage = usage.plus(answer.usage());
                conversation.add(Turn.assistant(answer.first().text()));
            }
            AttackTrace trace = new AttackTrace(List.of(
                    new AttackTrace.Step(1, null, List.of("too-direct"), "dropped ask", "I can't help with that.", false,
                            "refused: backtracked"),
                    new AttackTrace.Step(2, null, List.of(), "opening on the topic", conversation.get(1).text(), true, null),
                    new AttackTrace.Step(3, null, List.of(), "a step closer", conversation.get(3).text(), true, null),
                    new AttackTrace.Step(4, null, List.of(), seed.text(), conversation.get(5).text(), true, "judge: HIT")), 4);
            return new AttackRun(conversation, requests, usage).withTrace(trace);
        }

        @Override
        public String id() {
            return "three-turns";
        }

        @Override
        public int maxTargetRequests() {
            return 3;
        }

        @Override
        public int maxHumanTurns() {
            return 3;
        }
    }

    /** Answers "reply N" to the N-th human turn. */
    private static final ChatModel NUMBERED = new ChatModel() {
        @Override
        public ChatResponse chat(ChatRequest request) {
            long humans = request.turns().stream().filter(t -> !t.isAssistant()).count();
            return new ChatResponse(List.of(org.redteam4j.core.chat.Reply.of("reply " + humans, "stop")), new TokenUsage(3, 2),
                    java.time.Duration.ZERO, "numbered", false);
        }

        @Override
        public String id() {
            return "numbered";
        }
    };

    @Test
    void everyJudgeIsHandedEveryTurnBeforeTheReplyAndTheTraceIsKept() throws InterruptedException {
        List<List<Turn>> contexts = new CopyOnWriteArrayList<>();
        List<String> replies = new CopyOnWriteArrayList<>();
        Judge recording = new Judge() {
            @Override
            public Verdict judge(List<Turn> context, String reply) {
                contexts.add(List.copyOf(context));
                replies.add(reply);
                return new Verdict(Verdict.Outcome.HIT, false, null, null, "recorded", 0, "recording");
            }

            @Override
            public String id() {
                return "recording";
            }
        };
        CampaignEngineTest.MemoryLedger ledger = new CampaignEngineTest.MemoryLedger();
        PlannedAttack attack = new PlannedAttack(PlannedAttack.key("c", "t", "s", "three-turns", 0), "t",
                Seed.of("the goal itself"), "Theft", new ThreeTurns(), 0);

        new CampaignEngine(Map.of("t", new AttackTarget("t", NUMBERED, Sampling.DEFAULT)), List.of(recording, recording),
                new AttackTools(null, null, null), ledger, 1, new Budget(0, 0)).run(List.of(attack), (d, t, h, e) -> { });

        assertThat(contexts).hasSize(2).allSatisfy(context -> assertThat(context).containsExactly(
                Turn.human("opening on the topic"), Turn.assistant("reply 1"), Turn.human("a step closer"),
                Turn.assistant("reply 2"), Turn.human("the goal itself")));
        assertThat(replies).containsOnly("reply 3");
        AttackResult result = ledger.records.values().iterator().next();
        assertThat(result.exchange().trace().steps()).hasSize(4);
        assertThat(result.exchange().trace().steps().get(0)).satisfies(step -> {
            assertThat(step.kept()).isFalse();
            assertThat(step.techniques()).containsExactly("too-direct");
        });
        assertThat(result.exchange().trace().hitAt()).isEqualTo(4);
        assertThat(result.exchange().transcript()).doesNotContain("dropped ask").contains("a step closer");
    }
}
