package org.redteam4j.app.cli;

import org.redteam4j.core.format.SummaryText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.scoring.Verdict;

/** The text tables tell the canary judges apart, as JSON does: {@code canary(planted)} and {@code canary(TEXT)}. */
class SummaryTextCanaryLabelTest {

    @Test
    void canaryJudgesAreShownWithTheirArgument() {
        Verdict planted = new Verdict(Verdict.Outcome.HIT, null, null, null, "found", 0, "canary(planted)");
        Verdict own = new Verdict(Verdict.Outcome.PASS, null, null, null, "not found", 0, "canary(ACME-7731-ZEBRA)");
        Verdict keyword = new Verdict(Verdict.Outcome.PASS, null, null, null, "r", 0, "keyword(phrases=115)");
        AttackResult result = new AttackResult(new AttackResult.Attack("c|t|s|direct|0", "t", "direct", 0, "tag", "seed"),
                AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"), List.of(planted, own, keyword), null,
                AttackResult.Spend.NONE, Duration.ZERO, false);

        String table = SummaryText.table(AttackSummary.perTarget(AttackSummary.of(List.of(result))));

        assertThat(table).contains("canary(planted) 1/1").contains("canary(ACME-7731-ZEBRA) 0/1").contains("keyword 0/1")
                .doesNotContain("keyword(phrases");
    }
}
