package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each statistic against values worked out by hand on small inputs. */
class RedTeamAnalysisTest {

    private static AttemptFacts attempt(String type, String size, double rating, Double min, long member, String... tags) {
        return new AttemptFacts(type, size, rating, min, null, member, List.of(tags));
    }

    private final RedTeamAnalysis analysis = new RedTeamAnalysis(7, 500);

    @Test
    void bootstrapIsDeterministicAndDegenerateDataHasNoSpread() {
        double[] values = {1, 2, 3, 4, 5};
        Interval first = Bootstrap.mean(values, 42, 1000);
        Interval again = Bootstrap.mean(values, 42, 1000);

        assertThat(first).isEqualTo(again);
        assertThat(first.estimate()).isEqualTo(3.0);
        assertThat(first.low()).isLessThan(3).isGreaterThanOrEqualTo(1);
        assertThat(first.high()).isGreaterThan(3).isLessThanOrEqualTo(5);
        assertThat(Bootstrap.mean(new double[] {2, 2, 2}, 1, 100)).isEqualTo(new Interval(2, 2, 2));
        // percentile with interpolation: 2.5% of {0, 10, 20, 30, 40} sits at position 0.1 -> 1.0
        assertThat(Bootstrap.percentile(new double[] {0, 10, 20, 30, 40}, 0.025)).isCloseTo(1.0, within(1e-12));
        assertThat(Bootstrap.seedFor(1, "a")).isNotEqualTo(Bootstrap.seedFor(1, "b"));
    }

    @Test
    void slopeOfALine() {
        assertThat(RedTeamAnalysis.slope(new double[] {0, 1, 2}, new double[] {1, 3, 5}, new int[] {0, 1, 2})).isEqualTo(2.0);
    }

    @Test
    void table1CountsAndMeansPerCellInThePapersOrder() {
        List<AttemptFacts> attempts = List.of(
                attempt("rlhf", "52B", 1, -1.0, 1), attempt("plain lm", "2.7B", 4, -2.0, 1),
                attempt("plain lm", "2.7B", 2, 0.0, 2), attempt("plain lm", "13B", 0, 1.0, 2));

        List<RedTeamAnalysis.Cell> table = analysis.table1(attempts);

        assertThat(table).extracting(RedTeamAnalysis.Cell::modelType).containsExactly("plain lm", "plain lm", "rlhf");
        assertThat(table).extracting(RedTeamAnalysis.Cell::size).containsExactly("2.7B", "13B", "52B");
        assertThat(table.get(0).attempts()).isEqualTo(2);
        assertThat(table.get(0).meanRating().estimate()).isEqualTo(3.0);
        assertThat(table.get(0).meanMinHarmlessness().estimate()).isEqualTo(-1.0);
    }

    @Test
    void scalingFindsTheSlopeAgainstLogParameters() {
        // ratings 1, 2, 3 at 1B, 10B, 100B: one rating point per decade
        List<AttemptFacts> attempts = List.of(attempt("rlhf", "1B", 1, null, 1), attempt("rlhf", "10B", 2, null, 1),
                attempt("rlhf", "100B", 3, null, 1), attempt("rlhf", "1B", 1, null, 2), attempt("rlhf", "10B", 2, null, 2),
                attempt("rlhf", "100B", 3, null, 2));

        RedTeamAnalysis.Trend trend = analysis.scaling(attempts).get(0);

        assertThat(trend.metric()).isEqualTo("rating");
        assertThat(trend.slope().estimate()).isCloseTo(1.0, within(1e-12));
        assertThat(trend.sizes()).containsExactly("1B", "10B", "100B");
    }

    @Test
    void membersShareAndShrinkageByHand() {
        // A rates 4 and 2 (mean 3), B rates 0 and 2 (mean 1): within variance 2, between 2, noise 1 -> tau^2 = 1.
        // Shrunk A = (1*3 + 2*1) / 2 = 2.5, interval +-1.96*sqrt(1/2).
        List<AttemptFacts> attempts = List.of(attempt("rlhf", "52B", 4, null, 1), attempt("rlhf", "52B", 2, null, 1),
                attempt("rlhf", "52B", 0, null, 2), attempt("rlhf", "52B", 2, null, 2));

        RedTeamAnalysis.Members members = analysis.members(attempts);

        RedTeamAnalysis.MemberEffect a = members.effectiveness().stream().filter(e -> e.memberId() == 1).findFirst().orElseThrow();
        assertThat(a.rawMean()).isEqualTo(3.0);
        assertThat(a.shrunkMean().estimate()).isCloseTo(2.5, within(1e-9));
        assertThat(a.shrunkMean().high() - a.shrunkMean().estimate()).isCloseTo(1.959963984540054 * Math.sqrt(0.5), within(1e-9));
        List<AttemptFacts> skewed = List.of(attempt("rlhf", "52B", 0, null, 1), attempt("rlhf", "52B", 0, null, 1),
                attempt("rlhf", "52B", 0, null, 1), attempt("rlhf", "52B", 0, null, 1), attempt("rlhf", "52B", 0, null, 1),
                attempt("rlhf", "52B", 0, null, 2), attempt("rlhf", "52B", 0, null, 2), attempt("rlhf", "52B", 0, null, 2),
                attempt("rlhf", "52B", 0, null, 3), attempt("rlhf", "52B", 0, null, 4));
        RedTeamAnalysis.Members counts = analysis.members(skewed);
        assertThat(counts.attemptsPerMember()).containsExactly(5L, 3L, 1L, 1L);
        // 15% of 4 members is 0.6 of the top member, who made 5 of 10: 0.6 × 0.5 on the interpolated cumulative curve
        assertThat(counts.shareFromTop15Percent()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void tagsAndRatingAgainstHarmlessness() {
        List<AttemptFacts> attempts = List.of(attempt("rlhf", "52B", 0, 1.0, 1, "Theft"), attempt("rlhf", "52B", 0, 3.0, 1, "Theft", "Weapons"),
                attempt("rlhf", "52B", 4, -2.0, 2, "Theft"));

        assertThat(analysis.tags(attempts)).containsExactly(new RedTeamAnalysis.TagCount("Theft", 3, 1),
                new RedTeamAnalysis.TagCount("Weapons", 1, 0));
        List<RedTeamAnalysis.RatingRow> rows = analysis.ratingVsHarmlessness(attempts);
        assertThat(rows.get(0).meanMinHarmlessness()).isEqualTo(2.0);
        assertThat(rows.get(0).sd()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(rows.get(1).sd()).isNull();
        assertThat(Histogram.of(List.of(0.0, 0.1, 0.9, 1.0), 2, 0, 1).counts()).containsExactly(2L, 2L);
    }
}
