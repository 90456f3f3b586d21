package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.testing.ScriptedChatModel;
import org.redteam4j.core.transcript.Turn;

class SkeletonKeyTest {

    private static final Seed SEED = Seed.of("Ask for help cheating at cards");

    @Test
    void asksForTheBehaviourUpdateThenSendsTheSeedInTheSameConversation() {
        ScriptedChatModel target = ScriptedChatModel.answering(request -> request.turns().size() == 1 ? "Understood." : "Warning: …");

        AttackRun run = new SkeletonKey().run(SEED, target, Sampling.DEFAULT, new AttackTools(null, null, null));

        assertThat(target.requests()).hasSize(2);
        assertThat(target.requests().get(0).turns()).containsExactly(Turn.human(SkeletonKey.UPDATE));
        assertThat(target.requests().get(1).turns()).containsExactly(Turn.human(SkeletonKey.UPDATE), Turn.assistant("Understood."),
                Turn.human(SEED.text()));
        assertThat(run.reply()).isEqualTo("Warning: …");
        assertThat(run.context()).hasSize(3);
        assertThat(run.targetRequests()).isEqualTo(2).isEqualTo(new SkeletonKey().maxTargetRequests());
        assertThat(run.usage().total()).isEqualTo(2 * ScriptedChatModel.USAGE.total());
        assertThat(run.trace().steps()).extracting(AttackTrace.Step::note).isEqualTo(List.of("behaviour update", "request"));
        assertThat(new SkeletonKey().maxHumanTurns()).isEqualTo(2);
        assertThat(SkeletonKey.UPDATE).contains("Warning:");
    }
}
