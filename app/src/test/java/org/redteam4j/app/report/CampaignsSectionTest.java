package org.redteam4j.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.scoring.Verdict;

/** The campaign section's empty states: a judge that judged nothing, and a campaign without benign prompts. */
class CampaignsSectionTest {

    @Test
    void aJudgeThatJudgedNothingSaysSoAndNoBenignPromptsMeansNotMeasured() {
        Verdict failed = Verdict.error("judge endpoint down", 0, "refusal");
        AttackResult result = new AttackResult(new AttackResult.Attack("k|1", "bot", "direct", 0, "Theft", "a seed"),
                AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"), List.of(failed), null,
                AttackResult.Spend.NONE, Duration.ZERO, false);
        Map<String, List<AttackSummary.Row>> campaigns = new LinkedHashMap<>();
        campaigns.put("unjudged", AttackSummary.of(List.of(result)));
        RedTeamAnalysis.Report analysis = new RedTeamAnalysis(3, 100).analyse(List.of(
                new AttemptFacts("plain lm", "52B", 1, 0.1, 0.2, 1, List.of("Theft"))));
        ReportData data = new ReportData("test", false, analysis, campaigns, Map.of(), Map.of(), null, "not drawn");

        CampaignsSection.Campaign campaign = CampaignsSection.of(data, new Charts()).campaigns().get(0);
        assertThat(campaign.perTarget().rows().get(0).cells().get(4)).isEqualTo("0/0 (nothing judged)");
        assertThat(campaign.rows().get(0).success()).isEqualTo("refusal 0/0 (nothing judged)");
        assertThat(campaign.overRefusal()).isNull();

        String html = new HtmlReport().render(data);
        assertThat(html).contains("Over-refusal not measured: this campaign sent no benign prompts")
                .doesNotContain("Over-refusal beside harm");
    }
}
