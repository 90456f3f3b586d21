package org.redteam4j.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.analysis.RedTeamAnalysis;

/** The τ² sentence names what the test shuffled within, and words an older, unstratified file's result as what it is. */
class MembersTau2SentenceTest {

    private static RedTeamAnalysis.Members members(Double p, String within) {
        return new RedTeamAnalysis.Members(2, List.of(5L, 5L), 0.15, List.of(), "m", p == null ? null : 0.5, p == null ? null : 1.0,
                p, p == null ? 0 : 1000, within);
    }

    @Test
    void stratifiedAndOlderFilesAreWordedApart() {
        assertThat(MembersSection.tau2Test(members(0.001, RedTeamAnalysis.TAU2_STRATA)))
                .contains("member labels shuffled within each model type and size").contains("τ² is distinguishable from zero at 5%.")
                .doesNotContain("which models they attacked");
        assertThat(MembersSection.tau2Test(members(0.001, null)))
                .contains("shuffled over all attempts")
                .contains("distinguishable (members' raw mean ratings differ, which includes which models they attacked)");
        assertThat(MembersSection.tau2Test(members(0.4, RedTeamAnalysis.TAU2_STRATA))).contains("not distinguishable");
        assertThat(MembersSection.tau2Test(members(null, null))).contains("was not tested")
                .contains("at least two members, one with two or more attempts");
    }
}
