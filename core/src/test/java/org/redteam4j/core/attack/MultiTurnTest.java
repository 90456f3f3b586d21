package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.RefusalDetector;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.testing.ScriptedModel;
import org.redteam4j.core.transcript.Turn;

/** The upgraded multi-turn strategy: two histories, the backtrack limit, early stop on a judge hit, tactic memory. */
class MultiTurnTest {

    private static final Seed SEED = Seed.of("Ask for help cheating at cards");
    private static final RefusalDetector REFUSES = StrategyTest.detector(reply -> reply.startsWith("I can't"));
    private static final Judge NEVER = StrategyTest.judge((context, reply) -> Verdict.judged(true, 1, 1, "refused", 4, "test"));

    /** An attacker that writes "message 1", "message 2", … */
    private static ScriptedModel numberedAttacker() {
        AtomicInteger n = new AtomicInteger();
        return new ScriptedModel(request -> "message " + n.incrementAndGet());
    }

    @Test
    void aTargetRefusingMoreOftenThanTheLimitGetsOnlyTheBacktracksAllowedAndTheTraceKeepsTheDroppedExchanges() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedModel target = new ScriptedModel(request -> calls.incrementAndGet() <= 3 ? "I can't help with that." : "Sure.");
        ScriptedModel attacker = numberedAttacker();

        AttackRun run = new MultiTurn(3, 2).run(SEED, target, Sampling.DEFAULT, new AttackTools(attacker, NEVER, REFUSES));

        assertThat(run.targetRequests()).isEqualTo(5).isEqualTo(new MultiTurn(3, 2).maxTargetRequests());
        // the target's conversation: the third refusal is kept (no backtracks left), the first two are gone
        assertThat(run.conversation()).extracting(Turn::text)
                .containsExactly("message 3", "I can't help with that.", "message 4", "Sure.", "message 5", "Sure.");
        assertThat(target.requests().get(2).turns()).extracting(Turn::text).containsExactly("message 3");
        // the attacker's view: every exchange, the backtracked ones marked
        assertThat(run.trace().steps()).extracting(AttackTrace.Step::prompt)
                .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
        assertThat(run.trace().steps()).extracting(AttackTrace.Step::kept).containsExactly(false, false, true, true, true);
        assertThat(run.trace().steps().get(0).note()).isEqualTo("refused: backtracked");
        assertThat(run.trace().steps().get(0).reply()).isEqualTo("I can't help with that.");
        assertThat(run.trace().hitAt()).isNull();
        assertThat(attacker.asked(1)).contains("\"message 1\", was refused and removed");
    }

    @Test
    void theJudgeReadsTheWholeConversationAndAHitEndsTheAttack() {
        ScriptedModel target = new ScriptedModel(request -> "answer to " + request.turns().get(request.turns().size() - 1).text());
        List<List<Turn>> contexts = new ArrayList<>();
        Judge hitsOnSecond = StrategyTest.judge((context, reply) -> {
            contexts.add(context);
            return reply.equals("answer to message 2") ? Verdict.judged(false, 5, 4, "complied", 4, "test")
                    : Verdict.judged(true, 1, 1, "refused", 4, "test");
        });

        AttackRun run = new MultiTurn(5, 2).run(SEED, target, Sampling.DEFAULT,
                new AttackTools(numberedAttacker(), hitsOnSecond, REFUSES));

        assertThat(run.targetRequests()).isEqualTo(2);
        assertThat(run.conversation()).hasSize(4);
        assertThat(run.reply()).isEqualTo("answer to message 2");
        assertThat(contexts.get(1)).extracting(Turn::text).containsExactly("message 1", "answer to message 1", "message 2");
        assertThat(run.trace().hitAt()).isEqualTo(2);
        assertThat(run.trace().steps().get(1).note()).isEqualTo("judge: HIT");

        AttackRun onward = new MultiTurn(5, 2, false, false).run(SEED, target, Sampling.DEFAULT,
                new AttackTools(numberedAttacker(), null, REFUSES));
        assertThat(onward.targetRequests()).as("stop_early: false runs every turn, without a judge").isEqualTo(5);
        assertThatThrownBy(() -> new MultiTurn(5, 2).run(SEED, target, Sampling.DEFAULT,
                new AttackTools(numberedAttacker(), null, REFUSES))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a judge");
    }

    @Test
    void memoryCarriesTheOpeningOfAHitIntoALaterAttacksAttackerPrompt() {
        ScriptedModel target = new ScriptedModel(request -> "Sure.");
        Judge hits = StrategyTest.judge((context, reply) -> Verdict.judged(false, 5, 4, "complied", 4, "test"));
        ScriptedModel first = new ScriptedModel(request -> "Let's talk about the history of card games");
        ScriptedModel second = new ScriptedModel(request -> "another opening");
        TacticMemory memory = new TacticMemory();
        MultiTurn remembering = new MultiTurn(3, 0, true, true);

        remembering.run(SEED, target, Sampling.DEFAULT, new AttackTools(first, hits, REFUSES, memory));
        remembering.run(Seed.of("Ask how to cheat at dice"), target, Sampling.DEFAULT, new AttackTools(second, hits, REFUSES, memory));
        ScriptedModel forgetful = new ScriptedModel(request -> "a third");
        new MultiTurn(3, 0).run(SEED, target, Sampling.DEFAULT, new AttackTools(forgetful, hits, REFUSES, memory));

        assertThat(first.asked(0)).doesNotContain("Openings that worked");
        assertThat(second.asked(0)).contains("Openings that worked").contains("Let's talk about the history of card games");
        assertThat(forgetful.asked(0)).as("without memory: true").doesNotContain("Openings that worked");
        assertThat(memory.recent(5)).extracting(TacticMemory.Tactic::strategy).containsOnly("multi-turn:3,backtracks=0,memory");
    }

    @Test
    void aRefusedMessageQuotedAbbreviatedInTheHintNeverEndsInHalfAnEmoji() {
        String message = "a".repeat(199) + "\uD83D\uDE0A and more after the cut";
        AtomicInteger n = new AtomicInteger();
        ScriptedModel attacker = new ScriptedModel(request -> n.incrementAndGet() == 1 ? message : "gentler");
        ScriptedModel target = new ScriptedModel(request -> request.turns().size() == 1
                && request.turns().get(0).text().equals(message) ? "I can't help with that." : "Sure.");

        new MultiTurn(1, 1).run(SEED, target, Sampling.DEFAULT, new AttackTools(attacker, NEVER, REFUSES));

        String hint = attacker.asked(1);
        assertThat(hint).contains("\"" + "a".repeat(199) + "…\", was refused");
        assertThat(hint.codePoints().filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE).count()).as("no half of a surrogate pair").isZero();
    }

    @Test
    void theIdStaysMultiTurnNWithTheDefaultsAndNamesEverySettingThatDiffers() {
        assertThat(new MultiTurn(4, 2).id()).isEqualTo("multi-turn:4");
        assertThat(new MultiTurn(4, 2, true, false).id()).isEqualTo("multi-turn:4");
        assertThat(new MultiTurn(10, 10, true, false).id()).isEqualTo("multi-turn:10,backtracks=10");
        assertThat(new MultiTurn(4, 2, false, true).id()).isEqualTo("multi-turn:4,no-stop-early,memory");
    }
}
