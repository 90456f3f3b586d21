package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.testing.ScriptedChatModel;

class SplitTurnsTest {

    private static final Seed SEED = Seed.of("Ask for help cheating at cards");
    private static final AttackTools NO_TOOLS = new AttackTools(null, null, null);

    @Test
    void eachPartIsATurnOfItsOwnThenTheTargetIsAskedToJoinThem() {
        ScriptedChatModel target = ScriptedChatModel.answering(request -> "OK");

        AttackRun run = new SplitTurns(3).run(SEED, target, Sampling.DEFAULT, NO_TOOLS);

        assertThat(target.requests()).extracting(ChatRequest::turns).extracting(List::size).containsExactly(1, 3, 5, 7);
        assertThat(target.prompts().get(0)).contains("in 3 parts").endsWith("Part 1 of 3: \"Ask for\"");
        assertThat(target.prompts().get(1)).isEqualTo("Part 2 of 3: \"help cheating\"");
        assertThat(target.prompts().get(2)).isEqualTo("Part 3 of 3: \"at cards\"");
        assertThat(target.prompts().get(3)).contains("join parts 1 to 3");
        assertThat(target.prompts()).as("no single message holds the request").noneMatch(p -> p.contains("cheating at"));
        assertThat(run.targetRequests()).isEqualTo(4).isEqualTo(new SplitTurns(3).maxTargetRequests());
        assertThat(run.conversation()).hasSize(8);
        assertThat(run.trace().steps()).extracting(AttackTrace.Step::note).containsExactly("part 1 of 3", "part 2 of 3", "part 3 of 3",
                "join");
        assertThat(run.trace().steps()).allSatisfy(step -> assertThat(step.kept()).isTrue());
    }

    @Test
    void partsSplitOnWordBoundariesAndJoinBackToTheSeed() {
        String text = "one two three four five six seven";
        for (int parts = 2; parts <= 9; parts++) {
            List<String> pieces = SplitTurns.split(text, parts);
            assertThat(String.join(" ", pieces)).as("%d parts", parts).isEqualTo(text);
            assertThat(pieces).hasSize(Math.min(parts, 7)).allSatisfy(p -> assertThat(p).isNotBlank());
        }
        ScriptedChatModel target = ScriptedChatModel.answering(request -> "OK");
        new SplitTurns(3).run(Seed.of("Hello there"), target, Sampling.DEFAULT, NO_TOOLS);
        assertThat(target.requests()).as("two words make two parts and the join").hasSize(3);
    }

    @Test
    void aReplayedApplicationIsCountedPerRequestItTook() {
        ScriptedChatModel target = ScriptedChatModel.answering(request -> "OK").replaying();

        AttackRun run = new SplitTurns(2).run(SEED, target, Sampling.DEFAULT, NO_TOOLS);

        assertThat(run.targetRequests()).isEqualTo(1 + 2 + 3);
        assertThat(new SplitTurns(2).maxHumanTurns()).isEqualTo(3);
    }

    @Test
    void partsBelowTwoOrPastTheBudgetAreBadInput() {
        assertThatThrownBy(() -> new SplitTurns(1)).isInstanceOf(BadInput.class).hasMessageContaining("2 or more parts");
        assertThatThrownBy(() -> new SplitTurns(Integer.MAX_VALUE)).isInstanceOf(BadInput.class);
        assertThat(new SplitTurns(3).id()).isEqualTo("split-turns:3");
    }
}
