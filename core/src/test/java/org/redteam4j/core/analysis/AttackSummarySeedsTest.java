package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.scoring.Verdict;

/** Campaign rates clustered by seed, on results built so that the answer is known. */
class AttackSummarySeedsTest {

    private static final String JUDGE = "refusal";

    private static AttackResult result(String seed, String strategy, int repetition, boolean hit) {
        Verdict verdict = new Verdict(hit ? Verdict.Outcome.HIT : Verdict.Outcome.PASS, !hit, null, null, "planted", 0, JUDGE);
        return new AttackResult(new AttackResult.Attack("c|t|" + seed + "|" + strategy + "|" + repetition, "t", strategy, repetition,
                "tag", seed), AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"), List.of(verdict), null,
                AttackResult.Spend.NONE, Duration.ZERO, true);
    }

    /** Two seeds, one always a hit and one never, 20 attacks each over two strategies. */
    private static List<AttackResult> twoSeeds() {
        List<AttackResult> results = new ArrayList<>();
        for (String strategy : List.of("direct", "template:x")) {
            for (int r = 0; r < 10; r++) {
                results.add(result("asks how to pick a lock", strategy, r, true));
                results.add(result("asks for a stranger's address", strategy, r, false));
            }
        }
        return results;
    }

    @Test
    void twoSeedsGiveTheWholeRangeWhereWilsonTreatsFortyAttacksAsIndependent() throws Exception {
        AttackSummary clustered = AttackSummary.clusteredBySeed(Map.of());
        twoSeeds().forEach(clustered::add);
        List<AttackSummary.Row> rows = clustered.rows();
        List<AttackSummary.Row> wilson = AttackSummary.of(twoSeeds());

        // resampling two seeds draws {hit, hit}, {hit, pass} or {pass, pass}: the interval is exactly 0 to 1
        AttackSummary.Rate row = rows.get(0).judges().get(JUDGE);
        assertThat(row.rate().estimate()).isEqualTo(0.5);
        assertThat(row.rate().low()).isZero();
        assertThat(row.rate().high()).isEqualTo(1.0);
        assertThat(row.clusteredBySeed()).isTrue();
        AttackSummary.Rate independent = wilson.get(0).judges().get(JUDGE);
        assertThat(independent.rate()).isEqualTo(Proportion.of(10, 20));
        assertThat(independent.rate().high() - independent.rate().low()).isLessThan(0.45);
        assertThat(independent.clusteredBySeed()).isFalse();

        // merged per target, a seed is one cluster across strategies: still two clusters, still 0 to 1
        AttackSummary.Rate merged = AttackSummary.perTarget(rows).get(0).judges().get(JUDGE);
        assertThat(merged.judged()).isEqualTo(40);
        assertThat(merged.seeds()).hasSize(2);
        assertThat(merged.seeds().get(AttackSummary.seedKey("asks how to pick a lock"))).containsExactly(20, 20);
        assertThat(merged.seeds().keySet()).allMatch(key -> key.matches("[0-9a-f]{16}"));
        assertThat(Json.mapper().writeValueAsString(merged)).doesNotContain("pick a lock"); // counts, never prompts
        assertThat(merged.rate().low()).isZero();
        assertThat(merged.rate().high()).isEqualTo(1.0);
        assertThat(AttackSummary.perTarget(wilson).get(0).judges().get(JUDGE).rate()).isEqualTo(Proportion.of(20, 40));

        // through tables.json and back, the merge gives the same
        String json = Json.mapper().writeValueAsString(rows);
        List<AttackSummary.Row> read = Json.mapper().readValue(json, new TypeReference<List<AttackSummary.Row>>() { });
        assertThat(Json.mapper().writeValueAsString(AttackSummary.perTarget(read)))
                .isEqualTo(Json.mapper().writeValueAsString(AttackSummary.perTarget(rows)));
        assertThat(Json.mapper().writeValueAsString(wilson)).doesNotContain("seeds"); // gates and exports: as before
    }

    @Test
    void atAllHitsTheIntervalIsNeverNarrowerThanWilsons() {
        AttackSummary clustered = AttackSummary.clusteredBySeed(Map.of());
        clustered.add(result("asks how to pick a lock", "direct", 0, true));
        clustered.add(result("asks for a stranger's address", "direct", 0, true));
        // every resample of the two seeds is 2/2; Wilson's 34–100% is what two attacks can say
        assertThat(clustered.rows().get(0).judges().get(JUDGE).rate()).isEqualTo(Proportion.of(2, 2));
    }

    @Test
    void aSeedIsKeyedByTheFirst16HexOfItsSha256() {
        assertThat(AttackSummary.seedKey("abc")).isEqualTo("ba7816bf8f01cfea"); // FIPS 180-2's test vector
        assertThat(AttackSummary.seedKey("")).isEqualTo("e3b0c44298fc1c14");
        assertThat(AttackSummary.seedKey(null)).isEqualTo("e3b0c44298fc1c14");
    }

    @Test
    void oneSeedHasNoInterval() {
        AttackSummary clustered = AttackSummary.clusteredBySeed(Map.of());
        for (int r = 0; r < 5; r++) {
            clustered.add(result("asks how to pick a lock", "direct", r, r < 2));
        }
        Proportion rate = clustered.rows().get(0).judges().get(JUDGE).rate();
        assertThat(rate.estimate()).isEqualTo(0.4);
        assertThat(rate.low()).isNaN();
        assertThat(rate.high()).isNaN();
    }

    @Test
    void seedlessPayloadsAreEachTheirOwnClusterSoAnInjectionCampaignHasAnInterval() {
        String noSeed = org.redteam4j.core.campaign.CampaignPlan.NO_SEED.text();
        AttackSummary clustered = AttackSummary.clusteredBySeed(Map.of());
        AttackSummary wilson = new AttackSummary();
        for (int p = 0; p < 12; p++) { // 12 seedless payloads, 2 of them hits: the README's own-canary campaign
            AttackResult result = result(noSeed, "system_prompt_extraction:spe-" + p, 0, p < 2);
            clustered.add(result);
            wilson.add(result);
        }
        AttackSummary.Rate rate = AttackSummary.perTarget(clustered.rows()).get(0).judges().get(JUDGE);
        Proportion independent = AttackSummary.perTarget(wilson.rows()).get(0).judges().get(JUDGE).rate();
        assertThat(rate.hits()).isEqualTo(2);
        assertThat(rate.judged()).isEqualTo(12);
        assertThat(rate.seeds()).hasSize(12);
        // one attack per cluster: the bootstrap is never narrower than Wilson's, and no wider than the whole range
        assertThat(rate.rate().low()).isFinite().isLessThanOrEqualTo(independent.low()).isGreaterThanOrEqualTo(0.0);
        assertThat(rate.rate().high()).isFinite().isGreaterThanOrEqualTo(independent.high()).isLessThan(0.7);
    }
}
