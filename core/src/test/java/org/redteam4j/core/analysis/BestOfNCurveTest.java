package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.AttackTrace;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.scoring.Verdict;

/** The Best-of-N curve counts a hit from its sample on, a miss up to its own budget only, and nothing else. */
class BestOfNCurveTest {

    private static int next;

    /** A judged best-of-N attack on {@code target} with {@code budget} samples that hit at {@code hitAt} (0: never). */
    private static AttackResult attack(String target, int budget, int hitAt) {
        List<AttackTrace.Step> steps = new ArrayList<>();
        for (int i = 1; i <= (hitAt == 0 ? budget : hitAt); i++) {
            steps.add(new AttackTrace.Step(i, null, List.of("scramble"), "p" + i, "r" + i, i == hitAt, null));
        }
        String strategy = "best-of-n:" + budget;
        return new AttackResult(new AttackResult.Attack("c|" + target + "|s" + next++ + "|" + strategy + "|0", target, strategy, 0,
                "Theft", "seed"), AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t",
                new AttackTrace(steps, hitAt == 0 ? null : hitAt)),
                List.of(Verdict.judged(hitAt == 0, hitAt == 0 ? 1 : 5, 1, "r", 4, "keyword")),
                null, AttackResult.Spend.NONE, Duration.ZERO, false);
    }

    @Test
    void aHitCountsFromItsSampleAndAMissUpToItsBudget() {
        List<AttackResult> results = List.of(attack("a", 4, 1), attack("a", 4, 3), attack("a", 4, 0), attack("a", 2, 0),
                attack("b", 2, 2));

        List<BestOfNCurve.Curve> curves = BestOfNCurve.of(results);

        assertThat(curves).extracting(BestOfNCurve.Curve::target).containsExactly("a", "b");
        BestOfNCurve.Curve a = curves.get(0);
        assertThat(a.attacks()).isEqualTo(4);
        assertThat(a.points()).extracting(p -> p.n() + ":" + p.hits() + "/" + p.attacks())
                .containsExactly("1:1/4", "2:1/4", "3:2/3", "4:2/3");
        assertThat(a.points().get(2).rate().estimate()).isEqualTo(2 / 3.0);
        assertThat(curves.get(1).points()).extracting(p -> p.hits() + "/" + p.attacks()).containsExactly("0/1", "1/1");
    }

    @Test
    void otherStrategiesErrorsAndUnjudgedAttacksAreLeftOut() {
        AttackResult direct = new AttackResult(new AttackResult.Attack("c|a|s|direct|0", "a", "direct", 0, "Theft", "seed"),
                AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t"),
                List.of(Verdict.judged(false, 5, 1, "r", 4, "keyword")), null, AttackResult.Spend.NONE, Duration.ZERO, false);
        AttackResult failed = new AttackResult(new AttackResult.Attack("c|a|s2|best-of-n:4|0", "a", "best-of-n:4", 0, "Theft", "s"),
                AttackResult.Status.ERROR, null, List.of(), "timed out", AttackResult.Spend.NONE, Duration.ZERO, false);
        AttackResult skipped = new AttackResult(new AttackResult.Attack("c|a|s3|best-of-n:4|0", "a", "best-of-n:4", 0, "Theft", "s"),
                AttackResult.Status.DONE, new AttackResult.Exchange("p", "", "t"),
                List.of(Verdict.skipped("the reply is empty: nothing to judge", 0, "keyword")), null, AttackResult.Spend.NONE,
                Duration.ZERO, false);

        assertThat(BestOfNCurve.of(List.of(direct, failed, skipped))).isEmpty();
        assertThat(BestOfNCurve.of(List.of(direct, attack("a", 3, 0)))).singleElement()
                .satisfies(curve -> assertThat(curve.attacks()).isOne());
    }
}
