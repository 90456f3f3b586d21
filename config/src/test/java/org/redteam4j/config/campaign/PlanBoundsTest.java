package org.redteam4j.config.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.BuiltinSeeds;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.campaign.CampaignPlan;
import org.redteam4j.core.failure.BadInput;

/** A campaign too big to plan, or unbounded in requests, is refused by arithmetic before its plan is made. */
@Tag("reliability")
class PlanBoundsTest {

    private static final List<Seed> ONE_SEED = BuiltinSeeds.all().subList(0, 1);

    private static CampaignDefinition campaign(String strategies, String limits) {
        return CampaignDefinition.parse("""
                name: big
                targets:
                  - model: sim
                seeds: {limit: 1}
                strategies:
                %s
                judges:
                  - refusal
                %s
                """.formatted(strategies, limits), "campaign.yaml", null);
    }

    @Test
    void refusesTwoBillionRepetitionsNamingTheLineBeforePlanning() {
        CampaignDefinition campaign = campaign("  - direct", "limits: {repetitions: 2000000000}");
        long started = System.nanoTime();

        assertThatThrownBy(() -> campaign.plan(ONE_SEED))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("campaign.yaml: line 9: this campaign plans 2,000,000,000 attacks")
                .hasMessageContaining("at most 1,000,000");
        assertThat((System.nanoTime() - started) / 1e9).as("seconds: arithmetic, not a plan").isLessThan(5);
    }

    @Test
    void refusesOneAttackPastTheLimitAndPlansTheLimitItself() {
        assertThatThrownBy(() -> campaign("  - direct", "limits:\n  repetitions: 1000001").plan(ONE_SEED))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("campaign.yaml: line 10: this campaign plans 1,000,001 attacks");

        assertThat(campaign("  - direct", "limits:\n  repetitions: 1000000").plan(ONE_SEED).attacks()).hasSize(1_000_000);
    }

    @Test
    void countsEachStrategysInnerBudgetAndRefusesTenMillionRequestsWithoutABudget() {
        // 5 repetitions × (1 direct + 2,000 × 1,000 iterative target requests + as many attacker requests) = 20,000,005
        CampaignDefinition unbounded = CampaignDefinition.parse("""
                name: deep
                targets:
                  - model: sim
                attacker: sim
                seeds: {limit: 1}
                strategies:
                  - direct
                  - iterative: {streams: 2000, depth: 1000}
                judges:
                  - refusal
                limits: {repetitions: 5}
                """, "campaign.yaml", null);

        assertThatThrownBy(() -> unbounded.plan(ONE_SEED))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("campaign.yaml: line 8: this campaign could make 20,000,005 requests")
                .hasMessageContaining("set limits.max_requests");

        CampaignDefinition bounded = CampaignDefinition.parse(unbounded.yaml().replace("{repetitions: 5}",
                "{repetitions: 5, max_requests: 1000}"), "campaign.yaml", null);
        assertThat(bounded.plan(ONE_SEED).attacks()).as("a budget bounds it").hasSize(10);
    }

    @Test
    void multiTurnBacktracksCountToo() {
        assertThatThrownBy(() -> campaign("  - multi_turn: {turns: 6000000, backtracks: 5000000}", "attacker: sim")
                .plan(ONE_SEED))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("campaign.yaml: line 6: this campaign could make 22,000,000 requests");
    }

    @Test
    void anInnerBudgetPastAnIntIsAnErrorNotAnOverflow() {
        assertThatThrownBy(() -> campaign("  - iterative: {streams: 100000, depth: 100000}", "attacker: sim").plan(ONE_SEED))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("line 6")
                .hasMessageContaining("streams × depth is 10000000000 requests per attack");
        assertThatThrownBy(() -> campaign("  - iterative: {streams: 4294967297, depth: 1}", "attacker: sim").plan(ONE_SEED))
                .as("not truncated to 1").isInstanceOf(BadInput.class).hasMessageContaining("streams must be a whole number");
        assertThatThrownBy(() -> campaign("  - iterative: {streams: 2.5}", "attacker: sim").plan(ONE_SEED))
                .isInstanceOf(BadInput.class).hasMessageContaining("streams must be a whole number, got 2.5");
    }

    @Test
    void theSizeSaturatesInsteadOfWrappingAround() {
        CampaignPlan.Size size = CampaignPlan.size(Integer.MAX_VALUE, Integer.MAX_VALUE,
                List.of(org.redteam4j.core.attack.SingleTurn.direct()), Integer.MAX_VALUE);

        assertThat(size.attacks()).isEqualTo(Long.MAX_VALUE);
        assertThat(size.requests()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aSeedsLimitBelowOneIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> CampaignDefinition.parse(campaign("  - direct", "").yaml().replace("{limit: 1}", "{limit: -1}"),
                "campaign.yaml", null)).isInstanceOf(BadInput.class).hasMessage("campaign.yaml: line 4: a seeds limit must be 1 or more");
    }
}
