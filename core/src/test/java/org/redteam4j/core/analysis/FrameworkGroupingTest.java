package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.catalogue.FrameworkMapping;
import org.redteam4j.core.scoring.Verdict;

/** Framework grouping on a campaign whose results are built so that every count is known. */
class FrameworkGroupingTest {

    private static final String PII = "Soliciting personally identifiable information";
    private static final String THEFT = "Theft";

    private static AttackResult done(String seed, String tag, String strategy, boolean hit) {
        Verdict verdict = new Verdict(hit ? Verdict.Outcome.HIT : Verdict.Outcome.PASS, !hit, null, null, "planted", 0,
                "refusal(embedding-refusal/minilm)");
        Verdict second = new Verdict(Verdict.Outcome.HIT, null, 5, null, "second judge", 4, "harm(classifier)");
        return new AttackResult(attack(seed, tag, strategy), AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"),
                List.of(verdict, second), null, AttackResult.Spend.NONE, Duration.ZERO, true);
    }

    private static AttackResult.Attack attack(String seed, String tag, String strategy) {
        return new AttackResult.Attack("c|t|" + seed + "|" + strategy, "t", strategy, 0, tag, seed);
    }

    /**
     * PII: direct 1 hit of 2, template:role-play 2 of 2; Theft: converters:base64 0 of 2 and one error.
     * Primary judge refusal maps to nothing; the second judge (harm) never decides where a finding lands.
     */
    private static List<AttackResult> campaign() {
        List<AttackResult> results = new ArrayList<>();
        results.add(done("asks for an actor's home address", PII, "direct", true));
        results.add(done("asks for a mayor's phone number", PII, "direct", false));
        results.add(done("asks for an actor's home address", PII, "template:role-play", true));
        results.add(done("asks for a mayor's phone number", PII, "template:role-play", true));
        results.add(done("asks how to shoplift", THEFT, "converters:base64", false));
        results.add(done("asks how to take a parcel", THEFT, "converters:base64", false));
        results.add(AttackResult.failed(new org.redteam4j.core.campaign.PlannedAttack("c|t|x|converters:base64|0", "t",
                org.redteam4j.core.attack.Seed.of("asks how to take a parcel"), THEFT,
                org.redteam4j.core.attack.SingleTurn.converted(List.of(org.redteam4j.core.attack.Converters.byId("base64", null))), 0),
                "endpoint down", Duration.ZERO, true));
        return results;
    }

    private static Map<String, FrameworkGrouping.Group> byId(List<FrameworkGrouping.Group> groups) {
        return groups.stream().collect(Collectors.toMap(g -> g.framework().key() + " " + g.id(), g -> g));
    }

    @Test
    void eachAttackCountsUnderEveryIdItsTagStrategyAndPrimaryJudgeMapTo() {
        List<FrameworkGrouping.Group> groups = FrameworkGrouping.of(AttackSummary.of(campaign()), FrameworkMapping.builtin());
        Map<String, FrameworkGrouping.Group> g = byId(groups);

        // LLM01 (jailbreaks): the template and converter attacks: 2 hits of 4 judged, 5 attacks with the error
        FrameworkGrouping.Group injection = g.get("owasp LLM01:2025");
        assertThat(injection.title()).isEqualTo("Prompt Injection");
        assertThat(injection.attacks()).isEqualTo(5);
        assertThat(injection.errors()).isEqualTo(1);
        assertThat(injection.rate().hits()).isEqualTo(2);
        assertThat(injection.rate().judged()).isEqualTo(4);
        assertThat(injection.rate().rate()).isEqualTo(Proportion.of(2, 4));
        // LLM02 (the PII tag): the four PII attacks, 3 hits
        assertThat(g.get("owasp LLM02:2025").rate().rate()).isEqualTo(Proportion.of(3, 4));
        // no OWASP "none" group: PII maps to LLM02 and every theft attack went through converters (LLM01)
        assertThat(g).doesNotContainKey("owasp none");
        // ATLAS: PII → AML.T0057 (4 attacks), theft → AML.T0048.000 (3), jailbreak → AML.T0054 (5), converters → AML.T0068 (3)
        assertThat(g.get("atlas AML.T0057").rate().rate()).isEqualTo(Proportion.of(3, 4));
        assertThat(g.get("atlas AML.T0048.000").attacks()).isEqualTo(3);
        assertThat(g.get("atlas AML.T0048.000").rate().hits()).isZero();
        assertThat(g.get("atlas AML.T0054").attacks()).isEqualTo(5);
        assertThat(g.get("atlas AML.T0068").rate().judged()).isEqualTo(2);
        // the second judge (harm → AML.T0048) is not the primary: nothing lands under the parent technique
        assertThat(g).doesNotContainKey("atlas AML.T0048");
        // OWASP's entries first in list order, then ATLAS's by number
        assertThat(groups.stream().map(x -> x.framework().key() + " " + x.id()).toList()).containsExactly(
                "owasp LLM01:2025", "owasp LLM02:2025",
                "atlas AML.T0048.000", "atlas AML.T0054", "atlas AML.T0057", "atlas AML.T0068");
    }

    @Test
    void attacksThatMapToNothingLandUnderNone() {
        List<AttackResult> results = List.of(done("an unmapped request", "Other", "direct", true),
                done("another", "Other", "direct", false));
        List<FrameworkGrouping.Group> owasp = FrameworkGrouping.of(AttackSummary.of(results), FrameworkMapping.builtin(),
                FrameworkGrouping.Framework.OWASP);
        assertThat(owasp).hasSize(1);
        assertThat(owasp.get(0).id()).isEqualTo(FrameworkGrouping.NONE);
        assertThat(owasp.get(0).rate().rate()).isEqualTo(Proportion.of(1, 2));
    }

    @Test
    void rowsClusteredBySeedGiveAClusteredIntervalNoNarrowerThanWilsons() {
        AttackSummary clustered = AttackSummary.clusteredBySeed(Map.of());
        campaign().forEach(clustered::add);
        FrameworkGrouping.Group pii = byId(FrameworkGrouping.of(clustered.rows(), FrameworkMapping.builtin())).get("owasp LLM02:2025");
        assertThat(pii.rate().clusteredBySeed()).isTrue();
        assertThat(pii.rate().seeds()).hasSize(2);
        Proportion wilson = Proportion.of(3, 4);
        assertThat(pii.rate().rate().low()).isLessThanOrEqualTo(wilson.low());
        assertThat(pii.rate().rate().high()).isGreaterThanOrEqualTo(wilson.high());
    }
}
