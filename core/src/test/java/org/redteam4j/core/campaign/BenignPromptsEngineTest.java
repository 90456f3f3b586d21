package org.redteam4j.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.FalseRefusals;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SingleTurn;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.format.AttackResultJson;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.transcript.Turn;

/** Benign prompts in the engine: judged by the refusal judge alone, kept out of the attack rows, counted in the budget. */
class BenignPromptsEngineTest {

    /** Counts the replies it judged, so a test sees which judge judged what. */
    static final class CountingJudge implements Judge {
        final String id;
        final List<String> judged = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingJudge(String id) {
            this.id = id;
        }

        @Override
        public Verdict judge(List<Turn> context, String reply) {
            judged.add(reply);
            boolean refused = reply.startsWith("I'm sorry");
            return new Verdict(refused ? Verdict.Outcome.PASS : Verdict.Outcome.HIT, refused, null, null, "test", 0, id);
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** 4 attacks (2 comply), then 6 benign prompts of which 2 are refused (FlakyModel refuses what lacks "comply"). */
    static CampaignPlan plan() {
        List<Seed> seeds = List.of(Seed.of("please comply 1"), Seed.of("please refuse 2"), Seed.of("please comply 3"),
                Seed.of("please refuse 4"));
        List<Seed> benign = List.of(Seed.of("comply: what is a hug?"), Seed.of("comply: opening hours?"),
                Seed.of("refuse: how do I kill a Python process?"), Seed.of("comply: reset my password"),
                Seed.of("refuse: shoot a photo"), Seed.of("comply: a recipe"));
        return CampaignPlan.of("c", List.of("t"), seeds, List.of(SingleTurn.direct()), 1).withBenign(benign, List.of(SingleTurn.direct()));
    }

    @Test
    void benignPromptsAreJudgedByTheRefusalJudgeAloneAndLeftOutOfTheAttackRows() throws Exception {
        CountingJudge campaignJudge = new CountingJudge("harm-ish");
        CountingJudge refusal = new CountingJudge("refusal");
        InMemoryLedger ledger = new InMemoryLedger();

        CampaignEngine.Outcome outcome = new CampaignEngine(Map.of("t", new AttackTarget("t", new CampaignEngineTest.FlakyModel(0),
                Sampling.DEFAULT)), List.of(campaignJudge), new AttackTools(null, null, null), ledger, 3, new Budget(0, 0),
                org.redteam4j.core.secrets.Secrets.NONE, refusal).run(plan().attacks(), (d, t, h, e) -> { });

        assertThat(outcome.finished()).isEqualTo(10);
        assertThat(outcome.hits()).as("a benign prompt answered is no hit").isEqualTo(2);
        assertThat(campaignJudge.judged).hasSize(4);
        assertThat(refusal.judged).hasSize(6);
        List<AttackResult> results = ledger.results();
        AttackSummary.Row row = AttackSummary.perTarget(AttackSummary.of(results)).get(0);
        assertThat(row.attacks()).isEqualTo(4);
        assertThat(row.judges()).containsOnlyKeys("harm-ish");
        assertThat(row.judges().get("harm-ish").hits()).isEqualTo(2);
        FalseRefusals.Row refusals = FalseRefusals.of(results).get(0);
        assertThat(refusals.prompts()).isEqualTo(6);
        assertThat(refusals.refused()).isEqualTo(2);
        assertThat(refusals.rate()).isEqualTo(Proportion.of(2, 6));
    }

    @Test
    void withoutARefusalJudgeABenignPromptIsAnErrorNeverAHit() throws Exception {
        InMemoryLedger ledger = new InMemoryLedger();

        new CampaignEngine(Map.of("t", new AttackTarget("t", new CampaignEngineTest.FlakyModel(0), Sampling.DEFAULT)),
                List.of(new CountingJudge("j")), new AttackTools(null, null, null), ledger, 1, new Budget(0, 0))
                .run(plan().attacks(), (d, t, h, e) -> { });

        assertThat(ledger.results()).filteredOn(AttackResult::benign).hasSize(6)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(AttackResult.Status.ERROR));
    }

    @Test
    void theBudgetCountsBenignPromptsAndWhatItStopsIsNotRun() throws Exception {
        InMemoryLedger ledger = new InMemoryLedger();

        CampaignEngine.Outcome outcome = new CampaignEngine(Map.of("t", new AttackTarget("t", new CampaignEngineTest.FlakyModel(0),
                Sampling.DEFAULT)), List.of(new CountingJudge("j")), new AttackTools(null, null, null), ledger, 1,
                new Budget(7, 0), org.redteam4j.core.secrets.Secrets.NONE, new CountingJudge("refusal"))
                .run(plan().attacks(), (d, t, h, e) -> { });

        assertThat(outcome.finished()).isEqualTo(7);
        assertThat(outcome.notRun()).isEqualTo(3);
        FalseRefusals.Row row = FalseRefusals.of(ledger.results()).get(0);
        assertThat(row.prompts() + row.notRun()).isEqualTo(6);
        // benign prompts are spread among the attacks, so the budget cuts both in proportion, not every benign prompt
        assertThat(row.notRun()).isEqualTo(2);
        assertThat(ledger.results()).filteredOn(r -> !r.benign() && r.status() == AttackResult.Status.NOT_RUN).hasSize(1);
    }

    @Test
    void eachTargetsBenignPromptsAreSpreadEvenlyAmongItsAttacks() {
        List<Seed> seeds = List.of(Seed.of("s1"), Seed.of("s2"), Seed.of("s3"), Seed.of("s4"));
        List<Seed> benign = List.of(Seed.of("b1"), Seed.of("b2"));
        CampaignPlan plan = CampaignPlan.of("c", List.of("t", "u"), seeds, List.of(SingleTurn.direct()), 1)
                .withBenign(benign, List.of(SingleTurn.direct()));

        assertThat(plan.attacks()).extracting(a -> a.target() + (a.benign() ? ":b" : ":a"))
                .containsExactly("t:a", "t:b", "t:a", "t:a", "t:b", "t:a", "u:a", "u:b", "u:a", "u:a", "u:b", "u:a");
    }

    @Test
    void errorsAndSkippedRepliesAreLeftOutOfTheDenominator() {
        PlannedAttack planned = plan().attacks().stream().filter(PlannedAttack::benign).findFirst().orElseThrow();
        List<AttackResult> results = new ArrayList<>();
        results.add(AttackResult.failed(planned, "HTTP 500", java.time.Duration.ZERO, false));
        results.add(new AttackResult(AttackResult.Attack.of(planned), AttackResult.Status.DONE,
                new AttackResult.Exchange("p", "", "t"), List.of(Verdict.skipped("empty", 0, "refusal")), null,
                AttackResult.Spend.NONE, java.time.Duration.ZERO, false));

        FalseRefusals.Row row = FalseRefusals.of(results).get(0);

        assertThat(row.prompts()).isEqualTo(2);
        assertThat(row.errors()).isEqualTo(1);
        assertThat(row.skipped()).isEqualTo(1);
        assertThat(row.judged()).isZero();
        assertThat(row.rate()).isNull();
    }

    @Test
    void theBenignFlagSurvivesAResultsFileAndAttacksReadAsBefore() {
        CampaignPlan plan = plan();
        PlannedAttack attack = plan.attacks().get(0);
        PlannedAttack benign = plan.attacks().get(4);
        for (PlannedAttack planned : List.of(attack, benign)) {
            AttackResult result = AttackResult.notRun(planned);
            AttackResultJson.Line line = new AttackResultJson.Line("c", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode(), null, Map.of(), new TargetFacts("t", "rlhf", "52B",
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), false), result);
            var node = AttackResultJson.write(line);
            assertThat(node.has("benign")).isEqualTo(planned.benign());
            AttackResult read = AttackResultJson.read(node, new org.redteam4j.core.format.RecordPosition("f", 1, 1)).result();
            assertThat(read.benign()).isEqualTo(planned.benign());
        }
    }
}
