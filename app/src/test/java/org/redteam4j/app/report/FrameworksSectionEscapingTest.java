package org.redteam4j.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.app.web.XssCorpusTest;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.scoring.Verdict;

/**
 * "Findings by framework" with the XSS corpus in every text it shows or filters by (campaign, target,
 * strategy and tag names): each payload appears only escaped, never as markup.
 */
class FrameworksSectionEscapingTest {

    private static AttackResult hit(String target, String strategy, String tag) {
        Verdict verdict = new Verdict(Verdict.Outcome.HIT, false, null, null, "planted", 0, "keyword");
        return new AttackResult(new AttackResult.Attack("k|" + target + strategy + tag, target, strategy, 0, tag, "a seed"),
                AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"), List.of(verdict), null,
                AttackResult.Spend.NONE, Duration.ZERO, true);
    }

    @Test
    void everyPayloadIsEscapedInTheSection() {
        List<String> corpus = XssCorpusTest.corpus();
        Map<String, List<AttackSummary.Row>> campaigns = new LinkedHashMap<>();
        for (String payload : corpus) {
            List<AttackResult> results = new ArrayList<>();
            results.add(hit(payload, "template:" + payload, "Theft"));
            results.add(hit("t", "direct", payload)); // an unknown tag: lands under "none" in both frameworks
            campaigns.put(payload, AttackSummary.of(results));
        }
        RedTeamAnalysis.Report analysis = new RedTeamAnalysis(3, 100).analyse(List.of(
                new AttemptFacts("plain lm", "52B", 1, 0.1, 0.2, 1, List.of("Theft"))));
        String html = new HtmlReport().render(new ReportData("test", true, analysis, campaigns, Map.of(), Map.of(), null,
                "not drawn in this test"));

        int start = html.indexOf("<h2 id=\"frameworks\">");
        assertThat(start).isPositive();
        String section = html.substring(start, html.indexOf("Success intervals as in the campaigns", start));
        assertThat(section).contains("<td>LLM01:2025</td>").contains("<td>AML.T0048.000</td>").contains("<td>none</td>");
        for (String payload : corpus) {
            if (payload.contains("<")) {
                assertThat(section).as("payload %s", payload).doesNotContain(payload);
                assertThat(html).as("payload %s", payload).doesNotContain(payload);
            }
        }
        // the template syntax is shown as text, never evaluated
        assertThat(section).contains("[[${T(java.lang.Runtime).getRuntime()}]]");
    }
}
