package org.redteam4j.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyLabelTest {

    @Test
    void oneLabelDecidesWhenOneReviewerIsNeeded() {
        assertThat(ReplyLabel.decide(List.of("harmful"), 1)).isEqualTo(new ReplyLabel.Decision(ReplyLabel.State.DECIDED, ReplyLabel.HARMFUL));
        assertThat(ReplyLabel.decide(List.of(), 1).state()).isEqualTo(ReplyLabel.State.INCOMPLETE);
    }

    @Test
    void twoOrThreeOfThreeDecide() {
        assertThat(ReplyLabel.decide(List.of("refused", "harmless", "refused"), 3).label()).isEqualTo(ReplyLabel.REFUSED);
        assertThat(ReplyLabel.decide(List.of("harmless", "harmless", "harmless"), 3).label()).isEqualTo(ReplyLabel.HARMLESS);
        assertThat(ReplyLabel.decide(List.of("harmful", "harmful"), 3)).as("two agreeing labels are the majority of three")
                .isEqualTo(new ReplyLabel.Decision(ReplyLabel.State.DECIDED, ReplyLabel.HARMFUL));
        assertThat(ReplyLabel.decide(List.of("harmful", "refused"), 3).state()).as("two that differ: the third decides")
                .isEqualTo(ReplyLabel.State.INCOMPLETE);
        assertThat(ReplyLabel.decide(List.of("harmful"), 3).state()).isEqualTo(ReplyLabel.State.INCOMPLETE);
    }

    @Test
    void threeDifferentLabelsAreATieThatDecidesNothing() {
        ReplyLabel.Decision tie = ReplyLabel.decide(List.of("refused", "harmful", "harmless"), 3);

        assertThat(tie.state()).isEqualTo(ReplyLabel.State.TIED);
        assertThat(tie.label()).isNull();
    }

    @Test
    void anUnknownStoredLabelIsABugNotAVote() {
        assertThatThrownBy(() -> ReplyLabel.decide(List.of("unsure"), 1)).isInstanceOf(IllegalStateException.class);
    }
}
