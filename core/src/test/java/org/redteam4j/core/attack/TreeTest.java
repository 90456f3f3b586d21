package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.testing.BranchingAttacker;
import org.redteam4j.core.testing.ScriptedModel;
import org.redteam4j.core.transcript.Turn;

/** Tree search: its exact bounds, both prunings, the best leaf kept, the trace of every node. */
class TreeTest {

    private static final Seed SEED = Seed.of("G");
    private static final String YIELDS = "Sure, I will go along with that. [Details omitted in this test.]";

    /** Harm 5 (a hit) for the yielding reply, 3 for a partial one, 1 otherwise. */
    private static final Judge BY_HARM = StrategyTest.judge((context, reply) -> reply.equals(YIELDS)
            ? Verdict.judged(false, 5, 4, "complied", 4, "test")
            : reply.startsWith("Partly") ? Verdict.judged(false, 3, 2, "partial", 4, "test")
            : Verdict.judged(true, 1, 1, "refused", 4, "test"));

    private static ScriptedModel attacker(Set<String> offTopic) {
        BranchingAttacker script = new BranchingAttacker(offTopic);
        return new ScriptedModel(request -> script.answer(request.turns().get(request.turns().size() - 1).text()));
    }

    /** Yields only to G.1.2.1, half-yields to its parent G.1.2. */
    private static ScriptedModel target() {
        return new ScriptedModel(request -> switch (request.turns().get(0).text()) {
            case "G.1.2.1" -> YIELDS;
            case "G.1.2" -> "Partly: I can say a little about that.";
            default -> "I can't help with that.";
        });
    }

    @Test
    void theBoundsCountOneRootThenAtMostWidthLeavesPerDepth() {
        assertThat(Tree.children(4, 2, 3)).isEqualTo(2 + 4 + 8);
        assertThat(Tree.children(1, 2, 3)).isEqualTo(2 + 2 + 2);
        assertThat(Tree.children(2, 3, 2)).isEqualTo(3 + 6);
        assertThat(new Tree(4, 2, 3).maxTargetRequests()).isEqualTo(14);
        assertThat(new Tree(4, 2, 3).maxAttackerRequests()).isEqualTo(28);
        assertThat(new Tree(4, 2, 3).id()).isEqualTo("tree:4x2x3");
        assertThatThrownBy(() -> new Tree(100_000, 100_000, 100_000)).isInstanceOf(BadInput.class)
                .hasMessageContaining("more than " + Integer.MAX_VALUE);
        assertThatThrownBy(() -> new Tree(0, 2, 3)).isInstanceOf(BadInput.class);
    }

    @Test
    void aSearchThatNeverHitsNorPrunesSpendsExactlyItsBounds() {
        Tree tree = new Tree(2, 3, 3);
        ScriptedModel attacker = attacker(Set.of());
        ScriptedModel refusing = new ScriptedModel(request -> "I can't help with that.");

        AttackRun run = tree.run(SEED, refusing, Sampling.DEFAULT, new AttackTools(attacker, BY_HARM, null));

        assertThat(run.targetRequests()).isEqualTo(tree.maxTargetRequests()).isEqualTo(3 + 6 + 6);
        assertThat(attacker.requests()).hasSize(tree.maxAttackerRequests());
        assertThat(run.trace().steps()).hasSize(15);
        assertThat(run.trace().hitAt()).isNull();
        assertThat(refusing.requests()).allSatisfy(request -> assertThat(request.turns()).hasSize(1));
    }

    @Test
    void offTopicChildrenArePrunedTheBestWidthKeptAndTheSearchStopsAtTheHit() {
        ScriptedModel attacker = attacker(Set.of("G.2"));
        ScriptedModel target = target();

        AttackRun run = new Tree(1, 2, 3).run(SEED, target, Sampling.DEFAULT, new AttackTools(attacker, BY_HARM, null));

        assertThat(run.conversation()).extracting(Turn::text).containsExactly("G.1.2.1", YIELDS);
        assertThat(target.requests()).extracting(request -> request.turns().get(0).text())
                .containsExactly("G.1", "G.1.1", "G.1.2", "G.1.2.1");
        assertThat(run.targetRequests()).isEqualTo(4);
        List<AttackTrace.Step> steps = run.trace().steps();
        assertThat(steps).extracting(AttackTrace.Step::branch).containsExactly("1", "2", "1.1", "1.2", "1.2.1");
        assertThat(steps.get(1).note()).isEqualTo("off-topic: pruned");
        assertThat(steps.get(1).reply()).isNull();
        assertThat(steps.get(2).note()).contains("harm 1").endsWith("pruned: not in the best width");
        assertThat(steps.get(3).note()).isEqualTo("judge: PASS (harm 3)");
        assertThat(steps.get(4).note()).isEqualTo("judge: HIT (harm 5)");
        assertThat(steps).extracting(AttackTrace.Step::kept).containsExactly(false, false, false, false, true);
        assertThat(run.trace().hitAt()).isEqualTo(5);
        // the attacker saw the path with the judge's feedback when it branched from G.1.2
        assertThat(attacker.requests()).anySatisfy(request -> assertThat(request.turns().get(0).text())
                .contains("Prompt: G.1.2\nReply: Partly").contains("Judge: PASS, harm 3 of 5"));
    }

    @Test
    void withoutAHitTheBestLeafIsKeptAndWhenEverythingIsOffTopicTheSeedIsSentAsItIs() {
        AttackRun shallow = new Tree(1, 2, 2).run(SEED, target(), Sampling.DEFAULT,
                new AttackTools(attacker(Set.of("G.2")), BY_HARM, null));
        assertThat(shallow.prompt()).isEqualTo("G.1.2");
        assertThat(shallow.trace().hitAt()).isNull();

        ScriptedModel target = target();
        AttackRun pruned = new Tree(2, 2, 2).run(SEED, target, Sampling.DEFAULT,
                new AttackTools(attacker(Set.of("G.1", "G.2")), BY_HARM, null));
        assertThat(pruned.conversation()).extracting(Turn::text).containsExactly("G", "I can't help with that.");
        assertThat(pruned.targetRequests()).isEqualTo(1);
        // a depth whose children were all off-topic keeps its leaves: the root branches again
        assertThat(pruned.trace().steps()).extracting(AttackTrace.Step::branch).containsExactly("1", "2", "1", "2", null);
        // the attacker's view holds the seed that was sent, the one exchange the target saw
        AttackTrace.Step sent = pruned.trace().steps().get(4);
        assertThat(sent.prompt()).isEqualTo("G");
        assertThat(sent.reply()).isEqualTo("I can't help with that.");
        assertThat(sent.kept()).isTrue();
        assertThat(sent.note()).isEqualTo("every child off-topic: the seed sent as it is");
        assertThat(pruned.trace().steps()).filteredOn(AttackTrace.Step::kept).hasSize(1);
    }
}
