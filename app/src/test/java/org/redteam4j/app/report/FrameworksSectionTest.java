package org.redteam4j.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.catalogue.FrameworkMapping;
import org.redteam4j.core.scoring.Verdict;

/**
 * "Findings by framework" as a reader needs it: the ATLAS release the mapping was written against,
 * the primary judge by name, and the OWASP entries no attack reached named as untested.
 */
class FrameworksSectionTest {

    private static AttackResult result(String strategy, String tag, Verdict.Outcome outcome) {
        Verdict verdict = new Verdict(outcome, false, null, null, "planted", 0, "canary");
        return new AttackResult(new AttackResult.Attack("k|" + strategy + tag + outcome, "bot", strategy, 0, tag, "a seed"),
                AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"), List.of(verdict), null,
                AttackResult.Spend.NONE, Duration.ZERO, false);
    }

    private static FrameworksSection section(List<AttackResult> results) {
        Map<String, List<AttackSummary.Row>> campaigns = new LinkedHashMap<>();
        campaigns.put("injection", AttackSummary.of(results));
        RedTeamAnalysis.Report analysis = new RedTeamAnalysis(3, 100).analyse(List.of(
                new AttemptFacts("plain lm", "52B", 1, 0.1, 0.2, 1, List.of("Theft"))));
        return FrameworksSection.of(new ReportData("test", false, analysis, campaigns, Map.of(), Map.of(), null, "not drawn"));
    }

    @Test
    void theAtlasReleaseShownIsTheOneTheMappingWasWrittenAgainst() throws IOException {
        try (InputStream in = FrameworkMapping.class.getClassLoader().getResourceAsStream(FrameworkMapping.RESOURCE)) {
            String header = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("#"))
                    .reduce("", (a, b) -> a + "\n" + b);
            assertThat(header).contains("MITRE ATLAS (atlas.mitre.org, " + FrameworksSection.ATLAS_RELEASE);
        }
        FrameworksSection.Campaign campaign = section(List.of(result("direct_injection:di-rule-swap", "prompt-injection",
                Verdict.Outcome.HIT))).campaigns().get(0);
        assertThat(campaign.atlas().headers().get(0)).isEqualTo("MITRE ATLAS (" + FrameworksSection.ATLAS_RELEASE + ")");
        assertThat(campaign.owasp().headers().get(0)).isEqualTo("OWASP LLM Top 10 2025");
        assertThat(campaign.owasp().headers().get(4)).isEqualTo("success by judge canary (the primary; 95% CI)");
    }

    @Test
    void namesTheOwaspEntriesNoAttackReachedWithTheirTitles() {
        FrameworksSection.Campaign campaign = section(List.of(
                result("direct_injection:di-rule-swap", "prompt-injection", Verdict.Outcome.HIT),
                result("secret_leakage:sl-api-key", "prompt-injection", Verdict.Outcome.PASS))).campaigns().get(0);
        List<String> reached = campaign.owasp().rows().stream().map(r -> r.cells().get(0)).toList();
        assertThat(reached).contains("LLM01:2025", "LLM02:2025", "LLM07:2025");
        assertThat(campaign.owaspNotReached()).hasSize(10 - reached.size()).contains("LLM03:2025 Supply Chain")
                .contains("LLM10:2025 Unbounded Consumption").noneMatch(e -> reached.stream().anyMatch(e::startsWith));
    }

    @Test
    void anEntryWhoseAttacksAllErroredSaysNothingWasJudged() {
        AttackResult errored = new AttackResult(new AttackResult.Attack("k|e", "bot", "direct_injection:di-rule-swap", 0,
                "prompt-injection", "a seed"), AttackResult.Status.ERROR, null, List.of(), "endpoint down", AttackResult.Spend.NONE,
                Duration.ZERO, false);
        Table owasp = section(List.of(errored)).campaigns().get(0).owasp();
        assertThat(owasp.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.cells().get(3)).isEqualTo("1");
            assertThat(row.cells().get(4)).isEqualTo("0/0 (nothing judged)");
        });
    }

    @Test
    void aCampaignWithoutAttacksListsNothingAsUnreached() {
        assertThat(section(List.of()).campaigns().get(0).owaspNotReached()).isEmpty();
    }
}
